package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The fake against hand-written servers, to check the bytes on the wire and the awkward endings. */
class FakeCallWireTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void sendsTheHeaderThenAnEmptyLine() throws IOException {
        List<String> header = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> {
            header.addAll(wire.readHeader());
            wire.close();
        })) {
            CallRecord record = FakeCall.builder("127.0.0.1", peer.port()).uniqueId("1.1").build().run(TIMEOUT);

            assertThat(record.closedByServer()).isTrue();
            assertThat(record.commands()).isEmpty();
            assertThat(header).hasSize(22).startsWith("agi_network: yes", "agi_network_script: hotline")
                    .contains("agi_uniqueid: 1.1", "agi_accountcode: ", "agi_version: 22.10.1")
                    .endsWith("agi_threadid: 140000000000000");
        }
    }

    @Test
    void aHangupLineRepliesThenRefusesLaterCommands() throws IOException {
        List<String> replies = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> {
            wire.readHeader();
            wire.send("ANSWER");
            replies.add(wire.readLine());
            wire.send("GET DATA \"hotline/code\" 5000 4");
            replies.add(wire.readLine());
            replies.add(wire.readLine());
            wire.send("SET VARIABLE \"AJ_AGISTATUS\" \"FAILED\"");
            replies.add(wire.readLine());
            wire.close();
        })) {
            CallRecord record = FakeCall.builder("127.0.0.1", peer.port())
                    .hangupWhen(command -> command.startsWith("GET DATA"))
                    .build()
                    .run(TIMEOUT);

            assertThat(replies).containsExactly("200 result=0", "HANGUP", "200 result=-1",
                    "511 Command Not Permitted on a dead channel or intercept routine");
            assertThat(record.commands()).hasSize(3);
            assertThat(record.variables()).doesNotContainKey("AJ_AGISTATUS");
            assertThat(record.closedByServer()).isTrue();
        }
    }

    @Test
    void noticesAServerThatClosesDuringAWait() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> {
            wire.readHeader();
            wire.send("WAIT FOR DIGIT 60000");
            wire.close();
        })) {
            CallRecord record = FakeCall.builder("127.0.0.1", peer.port()).build().run(TIMEOUT);

            assertThat(record.closedByServer()).isTrue();
            assertThat(record.commands()).containsExactly("WAIT FOR DIGIT 60000");
            assertThat(record.duration()).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void timesOutOnASilentServer() throws IOException {
        // A listening socket that never accepts still completes the TCP handshake, then says nothing.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            FakeCall call = FakeCall.builder("127.0.0.1", silent.getLocalPort()).build();

            assertThatThrownBy(() -> call.run(Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(FakeCallTimeoutException.class, e -> {
                        assertThat(e.partialRecord()).hasValueSatisfying(r -> assertThat(r.commands()).isEmpty());
                    });
        }
    }

    @Test
    void timesOutOnAServerThatKeepsAHungUpCallOpen() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> {
            wire.readHeader();
            wire.send("WAIT FOR DIGIT 100");
            wire.readLine();
            wire.readLine();
            // ...and never closes until the fake gives up.
            wire.readLine();
        })) {
            FakeCall call = FakeCall.builder("127.0.0.1", peer.port()).hangupWhen(command -> true).build();

            assertThatThrownBy(() -> call.run(Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(FakeCallTimeoutException.class, e -> assertThat(e.partialRecord())
                            .hasValueSatisfying(r -> assertThat(r.callerHungUp()).isTrue()));
            await().until(() -> peer.done().isDone());
        }
    }

    @Test
    void failsFastWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        FakeCall call = FakeCall.builder("127.0.0.1", port).build();

        assertThatThrownBy(() -> call.run(TIMEOUT))
                .isInstanceOf(FakeCallException.class)
                .isNotInstanceOf(FakeCallTimeoutException.class)
                .hasMessageContaining("could not connect");
    }

    @Test
    void aCallCanRunAgainWithAFreshKeypad() throws IOException {
        List<String> replies = new CopyOnWriteArrayList<>();
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> {
            wire.readHeader();
            wire.send("WAIT FOR DIGIT 100");
            replies.add(wire.readLine());
            wire.close();
        })) {
            FakeCall call = FakeCall.builder("127.0.0.1", peer.port()).press('4').build();

            call.run(TIMEOUT);
            call.run(TIMEOUT);

            assertThat(replies).containsExactly("200 result=52", "200 result=52");
        }
    }
}
