package org.hotline.acceptance.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row 10 against the packaged process: 2,000 sockets that send half a request header and then nothing, and slow
 * clients that send one byte every 10 s, while real callers (the fake Asterisk, over TCP) go through the menus at
 * the same time. Every real call completes its menus; every flood and slow socket is cut off at the header
 * deadline ({@code agi.header-timeout}, 2 s here to keep the test short) and counted as such; a host that is not
 * in {@code agi.allowed-hosts} is refused at once. The real calls' menu times are printed as a figure, not
 * asserted. {@code ./scripts/test --soak} repeats the flood in five waves (10,000 sockets in all).
 *
 * <p>The protocol-level cases (one connection at a time, in process) are in hotline-agi's {@code MalformedInputTest}
 * (slow clients, idle flood) and {@code AllowlistAndScriptsTest} (unlisted hosts, script names).
 */
class FastAgiFloodTest {
    private static final Logger LOG = LoggerFactory.getLogger(FastAgiFloodTest.class);
    private static final int FLOOD = 2_000;
    private static final int SLOW = 50;
    private static final int CALLS = 20;
    private static final int STRANGERS = 20;
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    /** Not on the allowlist below, but a loopback address Linux lets us send from. */
    private static final String STRANGER = "127.0.0.2";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aFloodAndSlowClientsAreCutOffWhileRealCallsCompleteTheirMenus() throws Exception {
        int waves = HotlineProcess.soak() ? 5 : 1;
        try (HotlineProcess hotline = HotlineProcess.start(dir.resolve("data"), "hotline", Map.of(
                "agi.allowed-hosts", "127.0.0.1", "agi.header-timeout", HEADER_TIMEOUT.toSeconds() + "s",
                "ivr.menu.timeout", "1s"));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Duration> menuTimes = new ArrayList<>();
            for (int wave = 0; wave < waves; wave++) {
                List<Socket> flood = new ArrayList<>();
                List<CompletableFuture<Boolean>> slow = new ArrayList<>();
                for (int i = 0; i < SLOW; i++) {
                    slow.add(CompletableFuture.supplyAsync(() -> slowClient(hotline.agiPort()), threads));
                }
                List<CompletableFuture<CallRecord>> calls = new ArrayList<>();
                for (int i = 0; i < FLOOD; i++) {
                    flood.add(halfAHeader(hotline.agiPort()));
                    if (i % (FLOOD / CALLS) == 0) {
                        // Real callers arrive while the flood is building up and while it stands.
                        calls.add(CompletableFuture.supplyAsync(() -> realCall(hotline.agiPort()), threads));
                    }
                }
                for (CompletableFuture<CallRecord> call : calls) {
                    CallRecord record = call.join();
                    assertThat(record.variables()).as(record.toString()).containsEntry("HOTLINE_LANGUAGE", "ps")
                            .containsEntry("HOTLINE_IVR_DONE", "1");
                    menuTimes.add(record.duration());
                }
                for (Socket socket : flood) {
                    assertThat(closedByServer(socket)).as("a flood socket is cut off").isTrue();
                }
                assertThat(slow).allSatisfy(client -> assertThat(client.join()).as("a slow client is cut off").isTrue());
            }

            for (int i = 0; i < STRANGERS; i++) {
                assertThat(strangerIsRefusedAtOnce(hotline.agiPort())).isTrue();
            }
            Map<String, Integer> refused = refusals(hotline);
            assertThat(refused).containsEntry("header-timeout", waves * (FLOOD + SLOW))
                    .containsEntry("host-not-allowed", STRANGERS);
            // One line per refusal reason per agi.refusal-log-interval, not one per socket (2,050 lines before).
            long warnings = hotline.output().lines().filter(line -> line.contains(" WARN ")).count();
            assertThat(warnings).as("WARN lines for %s refused sockets", waves * (FLOOD + SLOW) + STRANGERS)
                    .isLessThan(100);
            LOG.info("FastAGI flood: {} refused sockets wrote {} WARN lines", waves * (FLOOD + SLOW) + STRANGERS,
                    warnings);
            assertThat(hotline.output()).contains("refused: host is not in agi.allowed-hosts")
                    .doesNotContain("OutOfMemoryError").doesNotContain(" ERROR ");
            List<Long> millis = menuTimes.stream().map(Duration::toMillis).sorted().toList();
            LOG.info("FastAGI flood: {} wave(s) of {} idle + {} slow sockets; {}/{} real calls completed their"
                            + " menus; whole call (both menus, intake, closing message) p50 {} ms, max {} ms", waves,
                    FLOOD, SLOW, millis.size(), waves * CALLS, millis.get(millis.size() / 2), millis.getLast());
        }
    }

    /** A caller who picks Pashto and "report a situation"; with nobody on duty they hear "call again". */
    private static CallRecord realCall(int port) {
        return FakeCall.builder("127.0.0.1", port).callerId("+93700000000").pressDuringMenus('2', '2').build()
                .run(CALL_LIMIT);
    }

    private static Socket halfAHeader(int port) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.getOutputStream().write("agi_network: yes\n".getBytes(StandardCharsets.US_ASCII));
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("the flood could not connect", e);
        }
    }

    /** One byte, then another every 10 s, until the server hangs up; true when it did so before the second. */
    private static boolean slowClient(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            byte[] header = "agi_network: yes\nagi_network_script: hotline\n\n".getBytes(StandardCharsets.US_ASCII);
            for (byte b : header) {
                socket.getOutputStream().write(b);
                socket.setSoTimeout(10_000);
                try {
                    return socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // Ten seconds passed and the server is still waiting: send the next byte (and fail below).
                }
            }
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean closedByServer(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) HEADER_TIMEOUT.multipliedBy(10).toMillis());
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Connects from {@link #STRANGER} and waits a second for the server to close without reading a byte. */
    private static boolean strangerIsRefusedAtOnce(int port) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(STRANGER), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(1_000);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** The process's own count of refused FastAGI connections, by reason, from {@code /metrics} on the management port. */
    private static Map<String, Integer> refusals(HotlineProcess hotline) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(hotline.managementUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher line = Pattern.compile("(?m)^hotline_agi_connections_refused_total\\{.*?reason=\"([a-z-]+)\".*?} "
                    + "([0-9.E]+)$").matcher(metrics);
            Map<String, Integer> counts = new java.util.TreeMap<>();
            while (line.find()) {
                counts.put(line.group(1), (int) Double.parseDouble(line.group(2)));
            }
            return counts;
        }
    }
}
