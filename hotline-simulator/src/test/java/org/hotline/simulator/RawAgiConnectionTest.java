package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawAgiConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void speaksTheProtocolByHandWithTheRealServer() {
        try (TestAgiServer server = TestAgiServer.start(Map.of());
                RawAgiConnection raw = RawAgiConnection.connect("127.0.0.1", server.port())) {
            raw.sendLine("agi_network: yes");
            raw.sendLine("agi_network_script: no-such-script");
            raw.send("agi_uniqueid: 1.1\r\n\n".getBytes(StandardCharsets.UTF_8));

            assertThat(raw.readLine(WAIT)).isEqualTo("SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"");
            raw.sendLine("200 result=1");
            assertThat(raw.readLine(WAIT)).startsWith("VERBOSE ");
            raw.sendLine("200 result=1");
            assertThat(raw.awaitClosed(WAIT)).isTrue();
            assertThat(raw.readLine(WAIT)).isNull();
        }
    }

    @Test
    void awaitClosedIsFalseWhileTheServerStaysOpen() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> {
            wire.send("NOOP");
            wire.readLine();
        }); RawAgiConnection raw = RawAgiConnection.connect("127.0.0.1", peer.port())) {
            assertThat(raw.awaitClosed(Duration.ofMillis(200))).isFalse();
            raw.sendLine("bye");
            assertThat(raw.awaitClosed(WAIT)).isTrue();
        }
    }

    @Test
    void readLineFailsWhenNothingArrives() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.serve(wire -> wire.readLine());
                RawAgiConnection raw = RawAgiConnection.connect("127.0.0.1", peer.port())) {
            assertThatThrownBy(() -> raw.readLine(Duration.ofMillis(100))).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void sendReportsAClosedServer() throws IOException {
        try (ScriptedPeer peer = ScriptedPeer.serve(ScriptedPeer.Wire::close);
                RawAgiConnection raw = RawAgiConnection.connect("127.0.0.1", peer.port())) {
            assertThat(raw.awaitClosed(WAIT)).isTrue();
            byte[] junk = new byte[64 * 1024];
            // The first write after a close can still land in the kernel's buffer; the reset fails a later one.
            await().until(() -> !raw.send(junk));
        }
    }
}
