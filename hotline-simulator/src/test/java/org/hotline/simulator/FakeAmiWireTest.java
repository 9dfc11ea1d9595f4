package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hotline.simulator.ami.FakeAmi;
import org.junit.jupiter.api.Test;

/** The fake AMI byte for byte, as main/manager.c frames it, over a raw socket. */
class FakeAmiWireTest {

    @Test
    void bannerChallengeLoginPingErrorsAndLogoffAreFramedAsAsterisk22FramesThem() throws Exception {
        try (FakeAmi ami = FakeAmi.start("hotline", "s3cret");
             Socket socket = new Socket("127.0.0.1", ami.port())) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).isEqualTo("Asterisk Call Manager/11.0.0");

            send(out, "Action: Ping\r\nActionID: 1\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Error", "ActionID: 1", "Message: Permission denied");

            send(out, "Action: Challenge\r\nActionID: 2\r\nAuthType: MD5\r\n\r\n");
            List<String> challenge = packet(in);
            assertThat(challenge.subList(0, 2)).containsExactly("Response: Success", "ActionID: 2");
            String token = challenge.get(2).substring("Challenge: ".length());
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((token + "s3cret").getBytes(StandardCharsets.UTF_8)));
            send(out, "action: login\r\nactionid: 3\r\nusername: hotline\r\nauthtype: MD5\r\nkey: " + key + "\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Success", "ActionID: 3",
                    "Message: Authentication accepted");
            assertThat(packet(in)).startsWith("Event: FullyBooted", "Privilege: system,all");

            send(out, "Action: Ping\r\nActionID: 4\r\n\r\n");
            List<String> pong = packet(in);
            assertThat(pong.subList(0, 3)).containsExactly("Response: Success", "ActionID: 4", "Ping: Pong");
            assertThat(pong.get(3)).matches("Timestamp: \\d+\\.\\d{6}");

            send(out, "Action: Originate\r\nActionID: 5\r\nChannel: PJSIP/1002\r\nContext: nowhere\r\n"
                    + "Exten: s\r\nPriority: 1\r\nAsync: true\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Error", "ActionID: 5",
                    "Message: Extension does not exist.");
            send(out, "Action: ConfbridgeKick\r\nActionID: 6\r\nConference: hotline-x\r\nChannel: all\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Error", "ActionID: 6",
                    "Message: No Conference by that name found.");
            send(out, "Action: Bogus\r\nActionID: 7\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Error", "ActionID: 7",
                    "Message: Invalid/unknown command: Bogus. Use Action: ListCommands to show available commands.");

            send(out, "Action: Logoff\r\nActionID: 8\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Goodbye", "ActionID: 8",
                    "Message: Thanks for all the fish.");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void anOriginatedCallIsQueuedThenReportedAndJoinsItsConference() throws Exception {
        try (FakeAmi ami = FakeAmi.start("hotline", "s3cret");
             Socket socket = new Socket("127.0.0.1", ami.port())) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            send(out, "Action: Login\r\nUsername: hotline\r\nSecret: s3cret\r\n\r\n");
            assertThat(packet(in)).contains("Message: Authentication accepted");
            packet(in);

            send(out, "Action: Originate\r\nActionID: 9\r\nChannel: PJSIP/1003\r\nContext: hotline-callcontrol\r\n"
                    + "Exten: interpreter\r\nPriority: 1\r\nAsync: true\r\nChannelId: cc-1\r\n"
                    + "Variable: HOTLINE_ROOM=hotline-abc\r\n\r\n");
            assertThat(packet(in)).containsExactly("Response: Success", "ActionID: 9",
                    "Message: Originate successfully queued");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                names.add(packet(in).getFirst());
            }
            assertThat(names).containsExactly("Event: Newchannel", "Event: OriginateResponse", "Event: BridgeCreate",
                    "Event: ConfbridgeStart", "Event: ConfbridgeJoin");
            assertThat(ami.members("hotline-abc")).hasSize(1);
        }
    }

    private static void send(OutputStream out, String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static List<String> packet(BufferedReader in) throws Exception {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }
}
