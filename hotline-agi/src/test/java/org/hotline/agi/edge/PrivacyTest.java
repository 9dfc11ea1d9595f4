package org.hotline.agi.edge;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallSummary;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls with known caller numbers and caller-ID names go through every path of the IVR (menus, hold, hand-off
 * and the hangup handler, voice message, fallback); then not one of those numbers or names may be found in
 * the database files (as text or raw bytes, in any usual encoding), the log output at every level, the event
 * bus traffic, the metrics or the commands sent to Asterisk. Only the keyed pseudonym gets through.
 */
class PrivacyTest {
    /** Why these calls may ignore prompt timing (see IvrHarness#instantCall). */
    private static final String INSTANT = "a sweep of many callers for leaked numbers, not prompt timing";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final String OPERATOR = "PJSIP/1001";
    private static final String PAKISTAN_TRUNK = "0511098";
    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    /** The way a call goes through the IVR. */
    enum Journey {
        MENU_HANGUP(b -> b.press('1').hangupWhen(c -> c.startsWith("STREAM FILE \"hotline/purpose\""))),
        HOLD_HANGUP(b -> b.press('2').press('3').hangupWhen(c -> c.startsWith("SET MUSIC ON"))),
        HAND_OFF_ANSWERED(b -> b.press('3').press('1')),
        HAND_OFF_UNANSWERED(b -> b.press('5').press('4')),
        VOICEMAIL(b -> b.press('6').press('2').pressAfterPrompt("hotline/voicemail-offer", '9'));

        final UnaryOperator<FakeCall.Builder> caller;

        Journey(UnaryOperator<FakeCall.Builder> caller) {
            this.caller = caller;
        }

        boolean handedOff() {
            return this == HAND_OFF_ANSWERED || this == HAND_OFF_UNANSWERED;
        }
    }

    /** One caller: the number and name Asterisk reports, the trunk dialled (null for the default), the path. */
    record Caller(String number, String name, String trunk, Journey path) {
    }

    private static final String AF_1 = "+93701234567";
    private static final List<Caller> CALLERS = List.of(
            new Caller(AF_1, "Secret Name \u202Eevil", null, Journey.HAND_OFF_ANSWERED),
            new Caller("0701234567", "Fatima Secretname", null, Journey.VOICEMAIL),
            new Caller("0093701234567", "Zarmina \"Qx\" Hidden\\name", null, Journey.MENU_HANGUP),
            new Caller("+93 70 123 4567", "%s%n${SHELL(rm -rf /)}Karimova", null, Journey.HOLD_HANGUP),
            new Caller("+923001234567", "Secret Name \u202Eevil", null, Journey.HAND_OFF_UNANSWERED),
            new Caller("03001234568", "Gulalai Nooristani", PAKISTAN_TRUNK, Journey.HAND_OFF_ANSWERED),
            new Caller("+923001234568", "Gulalai Nooristani", null, Journey.VOICEMAIL),
            new Caller("+992931234567", "Rustam Tojiddinov", null, Journey.MENU_HANGUP),
            new Caller("+99365123456", "Ogulgerek Berdiyeva", null, Journey.HOLD_HANGUP),
            new Caller("+998901234567", "Dilnoza Xasanboyeva", null, Journey.HAND_OFF_ANSWERED),
            new Caller("+14155550123", "Jane Q Secretary", null, Journey.VOICEMAIL),
            new Caller("+447700900123", "Oliver Hiddenworth", null, Journey.HAND_OFF_UNANSWERED),
            new Caller("0702345678", "Mursal Wardakzai", null, Journey.HOLD_HANGUP),
            new Caller("+93702345679", "Mursal Wardakzai", null, Journey.MENU_HANGUP),
            new Caller("0799876543", "Secret Name \u202Eevil", null, Journey.VOICEMAIL),
            new Caller("+93799876543", "Fatima Secretname", null, Journey.HAND_OFF_ANSWERED),
            new Caller("+93788112233", "Zarmina \"Qx\" Hidden\\name", null, Journey.HOLD_HANGUP),
            new Caller("unknown", "Shabnam Withheldova", null, Journey.HAND_OFF_ANSWERED),
            new Caller("anonymous", "Shabnam Withheldova", null, Journey.MENU_HANGUP),
            new Caller("", "Shabnam Withheldova", null, Journey.VOICEMAIL));

    /** Parts of the names worth searching for on their own (the whole name is searched as well). */
    private static final List<String> NAME_PARTS = List.of("Secret Name", "Secretname", "\u202Eevil", "Fatima",
            "Zarmina", "Hidden\\name", "Karimova", "SHELL(rm", "Gulalai", "Nooristani", "Tojiddinov", "Ogulgerek",
            "Berdiyeva", "Xasanboyeva", "Secretary", "Hiddenworth", "Wardakzai", "Withheldova");

    @TempDir
    Path dataDir;

    @Test
    void knownNumbersAndNamesAppearNowhereButAsPseudonyms() throws Exception {
        Map<Caller, CallSummary> stored = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        List<String> busTraffic = new CopyOnWriteArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> logLines;
        List<String> dispatchMessages;

        try (LogCapture logs = LogCapture.everyLevelOf(org.slf4j.Logger.ROOT_LOGGER_NAME, "org.hotline",
                "org.asteriskjava")) {
            IvrHarness ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.voicemail-after", "200ms",
                    "ivr.routes", "*:AF:prs:prs,ps,tg,tk,uz,ur | " + PAKISTAN_TRUNK + ":PK:ur:ur,ps,prs,tg,tk,uz"));
            try (FakeDispatch dispatch = ivr.dispatch()) {
                ivr.vertx().eventBus().addOutboundInterceptor(context -> {
                    busTraffic.add(context.message().address() + " " + context.message().headers() + " "
                            + context.body());
                    context.next();
                });
                Set<String> handedOff = ConcurrentHashMap.newKeySet();
                dispatch.onIntake(intake -> {
                    if (handedOff.contains(intake.asteriskUniqueId())) {
                        dispatch.send(intake.callId(), FakeDispatch.assignment(OPERATOR));
                    }
                });

                for (Caller caller : CALLERS) {
                    FakeCall.Builder builder = ivr.instantCall(INSTANT).callerId(caller.number()).callerIdName(caller.name());
                    if (caller.trunk() != null) {
                        builder.dnid(caller.trunk()).extension(caller.trunk());
                    }
                    FakeCall call = caller.path().caller.apply(builder).build();
                    if (caller.path().handedOff()) {
                        handedOff.add(call.uniqueId());
                    }
                    CallRecord record = call.run(CALL_LIMIT);
                    commands.addAll(record.commands());
                    if (caller.path().handedOff()) {
                        assertThat(record.variable("HOTLINE_TARGET")).contains(OPERATOR);
                        boolean answered = caller.path() == Journey.HAND_OFF_ANSWERED;
                        CallRecord end = ivr.hangupHandler(call.uniqueId()).callerId(caller.number())
                                .callerIdName(caller.name())
                                .variable("HOTLINE_CALL_ID", record.variable("HOTLINE_CALL_ID").orElseThrow())
                                .variable("DIALSTATUS", answered ? "ANSWER" : "NOANSWER")
                                .variable("HOTLINE_END_ANSWERED_MS", answered ? "1760000000000" : "")
                                .variable("HOTLINE_END_ENDED_MS", "1760000061000").build().run(CALL_LIMIT);
                        commands.addAll(end.commands());
                    }
                    CallSummary summary = ivr.settled(call.uniqueId());
                    stored.put(caller, caller.path().handedOff()
                            ? awaitEnded(ivr, summary.callId()) : summary);
                }
                dispatchMessages = List.copyOf(dispatch.rawMessages());
            } finally {
                for (Meter meter : ivr.registry().getMeters()) {
                    metrics.add(meter.getId().getName() + " " + meter.getId().getTags().stream()
                            .map(Tag::getValue).toList());
                }
                // Closed before the files are read, so H2 has written everything it holds.
                ivr.close();
            }
            logLines = logs.all().stream().map(LogCapture::text).toList();
        }

        assertPseudonyms(stored);
        assertThat(stored.values()).extracting(CallSummary::outcome).doesNotContainNull()
                .contains(CallOutcome.ANSWERED, CallOutcome.FALLBACK, CallOutcome.VOICEMAIL,
                        CallOutcome.ABANDONED_IN_MENU, CallOutcome.ABANDONED_IN_QUEUE);
        assertThat(logLines).as("the log at every level").isNotEmpty();
        assertThat(dispatchMessages).as("what dispatch received").isNotEmpty();
        assertThat(busTraffic).as("all bus traffic").hasSizeGreaterThanOrEqualTo(dispatchMessages.size());

        Set<String> needles = needles();
        assertThat(commands).as("commands sent to Asterisk").allMatch(Edge::knownShape);
        assertNowhere(needles, "commands sent to Asterisk", commands);
        assertNowhere(needles, "log output", logLines);
        assertNowhere(needles, "dispatch messages", dispatchMessages);
        assertNowhere(needles, "event bus traffic", busTraffic);
        assertNowhere(needles, "metrics", metrics);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Path database = files.stream().filter(f -> f.getFileName().toString().endsWith(".mv.db")).findFirst()
                .orElseThrow();
        for (Path file : files) {
            assertNotInFile(needles, file);
        }
        // The searches can see what is there: the pseudonyms are in the database file and in the intakes.
        byte[] databaseBytes = Files.readAllBytes(database);
        assertThat(stored.values()).extracting(CallSummary::pseudonym).filteredOn(p -> p != null)
                .allSatisfy(p -> assertThat(indexOf(databaseBytes, p.getBytes(UTF_8))).isNotNegative());
        assertThat(stored.entrySet()).filteredOn(e -> e.getKey().path() != Journey.MENU_HANGUP)
                .extracting(e -> e.getValue().pseudonym()).filteredOn(p -> p != null)
                .allSatisfy(p -> assertThat(String.join("\n", busTraffic)).contains(p));
    }

    private static void assertPseudonyms(Map<Caller, CallSummary> stored) {
        Map<String, String> pseudonymOfNumber = new LinkedHashMap<>();
        stored.forEach((caller, call) -> {
            String e164 = e164(caller);
            if (e164 == null) {
                assertThat(call.pseudonym()).as("withheld number '%s'", caller.number()).isNull();
                assertThat(call.country()).isNull();
                return;
            }
            assertThat(call.pseudonym()).as("pseudonym of a caller").matches("[0-9a-f]{64}");
            String earlier = pseudonymOfNumber.putIfAbsent(e164, call.pseudonym());
            if (earlier != null) {
                assertThat(call.pseudonym()).as("the same number in another form or call").isEqualTo(earlier);
            }
        });
        // Same number, same pseudonym (above); different numbers, different pseudonyms.
        assertThat(new LinkedHashSet<>(pseudonymOfNumber.values())).hasSameSizeAs(pseudonymOfNumber.values());
        assertThat(pseudonymOfNumber).hasSizeGreaterThanOrEqualTo(10);
        assertThat(stored.entrySet()).filteredOn(e -> e.getKey().number().equals(AF_1)).singleElement()
                .satisfies(e -> assertThat(e.getValue().country()).isEqualTo("AF"));
        assertThat(stored.entrySet()).filteredOn(e -> e.getKey().trunk() != null).singleElement()
                .satisfies(e -> assertThat(e.getValue().country()).isEqualTo("PK"));
        // The 4 forms of +93 70 123 4567 all made one pseudonym.
        assertThat(stored.entrySet()).filteredOn(e -> "+93701234567".equals(e164(e.getKey())))
                .hasSize(4).extracting(e -> e.getValue().pseudonym()).containsOnly(pseudonymOfNumber.get(AF_1));
    }

    /** Every form a number or name could be stored or logged in. */
    private static Set<String> needles() {
        Set<String> needles = new LinkedHashSet<>();
        for (Caller caller : CALLERS) {
            needles.add(caller.name());
            if (e164(caller) == null) {
                continue;
            }
            String number = caller.number();
            String digits = number.replaceAll("[^0-9]", "");
            needles.add(number);
            needles.add(digits);
            needles.add(digits.replaceFirst("^0+", ""));
            String e164 = e164(caller);
            needles.add(e164);
            needles.add(e164.substring(1));
            needles.add(nationalNumber(caller));
        }
        needles.addAll(NAME_PARTS);
        needles.removeIf(String::isEmpty);
        // Long enough that a chance match in a binary file is out of the question (the shortest is 7 UTF-8 bytes).
        assertThat(needles).allSatisfy(n -> assertThat(n.getBytes(UTF_8).length).isGreaterThanOrEqualTo(6));
        return needles;
    }

    private static void assertNowhere(Set<String> needles, String where, List<String> haystack) {
        for (String text : haystack) {
            for (String needle : needles) {
                assertThat(text).as("%s must not hold caller data '%s'", where, needle).doesNotContain(needle);
            }
        }
    }

    /** Searches the raw bytes for every needle in UTF-8 and both UTF-16s (Java and H2 use all of them). */
    private static void assertNotInFile(Set<String> needles, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String asText = new String(bytes, UTF_8);
        for (String needle : needles) {
            assertThat(asText).as("%s as text must not hold '%s'", file.getFileName(), needle).doesNotContain(needle);
            for (Charset charset : List.of(UTF_8, UTF_16LE, UTF_16BE)) {
                assertThat(indexOf(bytes, needle.getBytes(charset)))
                        .as("%s must not hold '%s' in %s", file.getFileName(), needle, charset).isNegative();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The number in E.164 as the IVR resolves it, or null when withheld. */
    private static String e164(Caller caller) {
        PhoneNumber number = parse(caller);
        return number == null ? null : PHONE_NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static String nationalNumber(Caller caller) {
        return PHONE_NUMBERS.getNationalSignificantNumber(parse(caller));
    }

    private static PhoneNumber parse(Caller caller) {
        if (Set.of("", "unknown", "anonymous").contains(caller.number())) {
            return null;
        }
        try {
            return PHONE_NUMBERS.parse(caller.number(), caller.trunk() == null ? "AF" : "PK");
        } catch (Exception e) {
            throw new AssertionError("test number does not parse: " + caller.number(), e);
        }
    }

    /** A handed-off call, once its hangup handler has recorded the end. */
    private static CallSummary awaitEnded(IvrHarness ivr, String callId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> ivr.journal().find(callId).orElseThrow(), c -> c.outcome() != null);
    }
}
