package org.hotline.acceptance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.app.screen.BridgeSocket;
import org.hotline.app.screen.Browser;
import org.hotline.app.screen.ScreenClient;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.ami.FakeAmi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The opt-in callback end to end against the packaged process, the fake Asterisk (FastAGI) and the fake AMI, with
 * the operator in real Chromium. Two callers accept a callback and hang up; their calls keep their place; the
 * operator is offered each as a "Callback", accepts, and presses Call back from the keyboard. The trunk refuses the
 * first number (failed after its attempts, the operator to wrap-up) and the second answers (connected). Then every
 * byte the system wrote or showed is searched for either number in every form, and either caller-ID name: every
 * file under the test's directory (H2 files, step log, the callback key and directory, the process's log), the
 * pages served, the browser's DOM and the resources it fetched, and every bus frame the bridge delivered to the
 * operator; the database column by column too. The kept numbers' files are gone.
 */
class CallbackPrivacySweepTest {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final String SECRET = "b1c2d3e4f5a6b7c8d9e0";
    private static final Caller FAILS = new Caller("0709876522", "+93709876522", "Farida Callbackzai",
            List.of("Farida", "Callbackzai"));
    private static final Caller CONNECTS = new Caller("+93709876511", "+93709876511", "Zarghona Ringbackova",
            List.of("Zarghona", "Ringbackova"));

    @TempDir
    Path dir;
    private final Vertx clients = Vertx.vertx();
    private final List<BridgeSocket> sockets = new ArrayList<>();
    private final Map<String, String> served = new LinkedHashMap<>();

    @AfterEach
    void closeClients() {
        sockets.forEach(BridgeSocket::close);
        clients.close();
    }

    @Test
    void aCallbackMadeAndOneFailedLeaveNoTraceOfTheNumbers() throws Exception {
        Path data = dir.resolve("data");
        Staff.operator(data, "ana", "prs", "PJSIP/1001");
        Path secretFile = Files.writeString(dir.resolve("ami.secret"), SECRET + "\n");
        List<String> dom = new ArrayList<>();
        List<String> callIds = new ArrayList<>();
        BridgeSocket operatorBus;
        try (FakeAmi ami = FakeAmi.start("hotline", SECRET)) {
            ami.declines("PJSIP/" + FAILS.e164() + "@hotline-trunk");
            Map<String, String> settings = Map.ofEntries(Map.entry("ivr.menu.timeout", "1s"),
                    Map.entry("ivr.hold.poll", "100ms"), Map.entry("report.enabled", "false"),
                    Map.entry("ivr.voicemail.dir", dir.resolve("voicemail").toString()),
                    Map.entry("screen.bridge.idle-timeout", "10m"), Map.entry("ami.host", "127.0.0.1"),
                    Map.entry("ami.port", Integer.toString(ami.port())),
                    Map.entry("ami.secret-file", secretFile.toString()), Map.entry("ami.action-timeout", "5s"),
                    Map.entry("ami.ring-timeout", "5s"), Map.entry("callback.enabled", "true"),
                    Map.entry("callback.languages", "prs"), Map.entry("callback.offer-after", "300ms"),
                    Map.entry("callback.attempts", "2"), Map.entry("callback.retry-pause", "200ms"),
                    Map.entry("dispatch.offer-timeout", "120s"));
            try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", settings);
                 Browser browser = new Browser(hotline.baseUrl())) {
                browser.signIn("ana", Staff.PASSWORD, "/operator");
                ScreenClient listener = Staff.signedIn(hotline, "ana");
                String screen = new JsonObject(serve("operator /api/session", listener.get("/api/session").body()))
                        .getJsonObject("addresses").getString("screen");
                operatorBus = BridgeSocket.open(clients, hotline.httpPort(), hotline.baseUrl(),
                        listener.cookieHeader());
                sockets.add(operatorBus);
                operatorBus.register(screen);

                String failing = acceptCallback(hotline, FAILS);
                String connecting = acceptCallback(hotline, CONNECTS);
                callIds.addAll(List.of(failing, connecting));
                assertThat(Files.list(data.resolve("callbacks")).count()).as("two numbers kept, encrypted")
                        .isEqualTo(2);

                browser.click(By.id("go-available"));
                takeAndCallBack(browser, failing);
                browser.waitForText(By.id("callback-state"), "The callback failed", Duration.ofSeconds(60));
                assertThat(browser.text(By.id("callback-state"))).contains("2 attempts");
                browser.waitForText(By.id("state"), "Wrap-up");
                dom.add(browser.driver.getPageSource());

                browser.click(By.id("go-available"));
                takeAndCallBack(browser, connecting);
                browser.waitForText(By.id("callback-state"), "Connected", Duration.ofSeconds(60));
                assertThat(ami.members("hotline-" + connecting)).as("operator and caller in the call's room")
                        .hasSize(2);
                dom.add(browser.driver.getPageSource());
                dom.add(String.valueOf(browser.driver.executeScript(
                        "return JSON.stringify(performance.getEntries().map(e => e.name))")));
                serve("operator /operator", listener.get("/operator").body());
                await().atMost(Duration.ofSeconds(30)).until(() -> emptyDirectory(data.resolve("callbacks")));
                hotline.stop();
            }
        }

        assertThat(operatorBus.frames.toString()).as("the bridge carried the callback states")
                .contains("\"type\":\"callback\"").contains("\"callback\":true");
        Set<String> callerData = new LinkedHashSet<>();
        callerData.addAll(FAILS.secrets());
        callerData.addAll(CONNECTS.secrets());
        Sweep sweep = new Sweep(callerData);
        served.forEach(sweep::text);
        for (int i = 0; i < dom.size(); i++) {
            sweep.text("the browser's DOM and fetched resources #" + i, dom.get(i));
        }
        sweep.text("the operator's bus frames", operatorBus.frames.toString());
        sweep.files(dir, file -> file.getFileName().toString().equals("ami.secret"));
        assertThat(new Sweep(callIds).files(dir, file -> false).hits()).as("the search sees what is there")
                .anyMatch(hit -> hit.contains("hotline.log")).anyMatch(hit -> hit.contains("hotline.mv.db"));
        assertThat(sweep.hits()).isEmpty();
        assertThat(DatabaseText.columnsHolding(data, callerData)).as("caller data, column by column")
                .allSatisfy((secret, holding) -> assertThat(holding).as(secret).isEmpty());
        assertThat(data.resolve("callbacks")).isEmptyDirectory();
    }

    @Test
    void aCallbackOwedWhenTheHotlineRestartsIsBackInTheQueueAfterIt() throws Exception {
        Path data = dir.resolve("data");
        Staff.operator(data, "ana", "prs", "PJSIP/1001");
        Map<String, String> settings = Map.of("ivr.menu.timeout", "1s", "ivr.hold.poll", "100ms",
                "report.enabled", "false", "ivr.voicemail.dir", dir.resolve("voicemail").toString(),
                "screen.bridge.idle-timeout", "10m", "callback.enabled", "true", "callback.languages", "prs",
                "callback.offer-after", "300ms", "dispatch.offer-timeout", "120s");
        String owed;
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", settings)) {
            BridgeSocket bus = operatorBus(hotline);
            String screen = screenOf(hotline);
            // On the floor (away): a caller holds for them, so is offered the callback.
            await().atMost(Duration.ofSeconds(30)).until(() -> !bus.received(screen).isEmpty());
            owed = acceptCallback(hotline, FAILS);
            hotline.stop();
        }
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline-again", settings)) {
            BridgeSocket bus = operatorBus(hotline);
            String screen = screenOf(hotline);
            bus.send(actionsOf(hotline), new JsonObject().put("action", "available"));
            await().atMost(Duration.ofSeconds(30)).until(() -> bus.received(screen).stream()
                    .map(f -> f.getJsonObject("body")).anyMatch(b -> "offer".equals(b.getString("type"))
                            && owed.equals(b.getString("callId")) && b.getBoolean("callback", false)));
            bus.send(actionsOf(hotline), new JsonObject().put("action", "accept").put("callId", owed));
            await().atMost(Duration.ofSeconds(30)).until(() -> bus.received(screen).stream()
                    .map(f -> f.getJsonObject("body")).anyMatch(b -> "callback".equals(b.getString("type"))
                            && "waiting".equals(b.getString("state"))));
            hotline.stop();
        }
    }

    private ScreenClient ana;

    private BridgeSocket operatorBus(HotlineProcess hotline) throws Exception {
        ana = Staff.signedIn(hotline, "ana");
        BridgeSocket socket = BridgeSocket.open(clients, hotline.httpPort(), hotline.baseUrl(), ana.cookieHeader());
        sockets.add(socket);
        socket.register(screenOf(hotline));
        return socket;
    }

    private String screenOf(HotlineProcess hotline) {
        return new JsonObject(ana.get("/api/session").body()).getJsonObject("addresses").getString("screen");
    }

    private String actionsOf(HotlineProcess hotline) {
        return new JsonObject(ana.get("/api/session").body()).getJsonObject("addresses").getString("actions");
    }

    /** A caller holds, hears the safety sentence and the offer, accepts with 7 and hangs up; the call's id. */
    private static String acceptCallback(HotlineProcess hotline, Caller caller) {
        CallRecord record = FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(caller.sent())
                .callerIdName(caller.name()).pressDuringMenus('1', '2')
                .pressAfterPrompt("hotline/callback-offer", '7').build().run(CALL_LIMIT);
        assertThat(record.prompts()).containsSubsequence("hotline/callback-safety", "hotline/callback-offer",
                "hotline/callback-accepted");
        String callId = record.variable("HOTLINE_CALL_ID").orElseThrow();
        // Asterisk's hangup handler for the inbound channel: it carries the number and the name again.
        FakeCall.builder("127.0.0.1", hotline.agiPort()).script("hotline-end").uniqueId(record.uniqueId())
                .callerId(caller.sent()).callerIdName(caller.name()).variable("HOTLINE_CALL_ID", callId)
                .build().run(CALL_LIMIT);
        return callId;
    }

    /** The offer says Callback; accept; Call back from the keyboard (the button sends the call id only). */
    private static void takeAndCallBack(Browser browser, String callId) {
        browser.waitFor(By.id("offer"));
        assertThat(browser.driver.findElement(By.id("offer-callback")).isDisplayed()).isTrue();
        browser.click(By.id("accept"));
        browser.waitForText(By.id("callback-state"), "Press Call back");
        browser.waitFor(By.cssSelector("#callback-dial:not([disabled])")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("callback-state"), "Calling");
    }

    private static boolean emptyDirectory(Path directory) throws java.io.IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }

    private String serve(String what, String body) {
        served.put(what, body);
        return body;
    }
}
