package org.hotline.agi.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.PROMPT_RECORDINGS;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.hotline.agi.AgiScriptNames;
import org.hotline.agi.IvrHarness;
import org.hotline.agi.prompts.PromptManifest;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.PromptsChanged;
import org.hotline.core.prompts.PromptRecording;
import org.hotline.core.prompts.PromptRecordings;
import org.hotline.core.prompts.PromptStatus;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.prompts.StudioPins;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The prompt studio end to end on the fake Asterisk over real FastAGI, with a real H2 database and the real sox:
 * a speaker records the one missing Dari prompt by phone (PIN, language, the placeholder read out, RECORD FILE with
 * real timing, keep), a second Dari speaker approves it (the speaker themself may not), the next caller hears the
 * recording instead of the placeholder, and once the text changes the placeholder plays again.
 */
class PromptStudioPhoneTest {
    private static final String PIN = "4821";
    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aPromptRecordedByPhoneAndApprovedBySecondSpeakerIsWhatCallersHearUntilItsTextChanges() throws Exception {
        Path texts = copyOfTheManifests();
        Path phone = Files.createDirectories(dir.resolve("phone"));
        Map<String, String> settings = Map.of("prompts.phone-dir", phone.toString(),
                "prompts.texts-dir", texts.toString());
        String speaker;
        String reviewer;
        String take;
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try (IvrHarness ivr = IvrHarness.withStudio(dir.resolve("data"), settings)) {
            DSLContext db = ivr.database().dsl();
            speaker = operator(db, "speaker", "prs,ps");
            reviewer = operator(db, "reviewer", "prs");
            String number = new StudioPins(db, 5, Duration.ofMinutes(15)).set(speaker, PIN.toCharArray(), NOW);
            PromptsConfig config = PromptsConfig.from(ivr.settings());
            approveEveryDariPromptBut("welcome", db, config.texts(), reviewer);

            CallRecord call = FakeCall.builder("127.0.0.1", ivr.port()).script(AgiScriptNames.STUDIO)
                    .press(number + "#").press(PIN + "#")
                    .pressDuring("hotline/lang-option", '1')
                    .pressDuring(StudioSession.REVIEW, '1')
                    .speaksWhenRecording(Duration.ofMillis(1500))
                    .build().run(Duration.ofSeconds(90));

            List<String> prompts = call.prompts();
            int read = prompts.indexOf("prs/hotline/welcome");
            assertThat(read).as("the placeholder reads the text to the speaker: %s", prompts).isPositive();
            assertThat(prompts.get(read + 1)).as("then the take is recorded").startsWith(phone.resolve("studio-")
                    .toString());
            assertThat(prompts).contains(StudioSession.SAVED).endsWith(StudioScript.GOODBYE);
            assertThat(call.commands()).anyMatch(c -> c.startsWith("RECORD FILE") && c.contains("BEEP"));
            try (Stream<Path> left = Files.list(phone)) {
                assertThat(left).as("the phone take is deleted once stored").isEmpty();
            }
            PromptRecording recorded = new PromptRecordings(db).all().stream()
                    .filter(r -> r.key().equals("welcome")).findFirst().orElseThrow();
            assertThat(recorded.state()).isEqualTo(PromptRecording.State.RECORDED);
            assertThat(recorded.source()).isEqualTo(PromptRecording.Source.PHONE);
            assertThat(recorded.recordedBy()).isEqualTo(speaker);
            assertThat(recorded.lengthMs()).as("1.5 s spoken and the 1 s of silence Asterisk keeps").isBetween(2300, 2700);
            assertThat(config.file("prs", recorded.fileName())).exists();
            assertThat(log.list).as("the studio logged its work").isNotEmpty()
                    .noneMatch(e -> e.getFormattedMessage().contains(PIN));
            take = recorded.id();

            PromptRecordings recordings = new PromptRecordings(db);
            assertThat(recordings.review(take, PromptRecording.State.APPROVED, speaker, List.of("prs", "ps"), NOW))
                    .as("the speaker cannot approve their own take").isEqualTo(PromptRecordings.Review.OWN_TAKE);
            assertThat(recordings.review(take, PromptRecording.State.APPROVED, UUID.randomUUID().toString(),
                    List.of("ps"), NOW)).as("nor someone who does not speak Dari")
                    .isEqualTo(PromptRecordings.Review.NOT_THEIR_LANGUAGE);
            assertThat(recordings.review(take, PromptRecording.State.APPROVED, reviewer, List.of("prs"), NOW))
                    .isEqualTo(PromptRecordings.Review.DONE);
            ivr.vertx().eventBus().publish(BusAddresses.PROMPTS_CHANGED, new PromptsChanged("prs", "welcome").toJson());

            String recording = config.asteriskFile("prs", recorded.fileName());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(welcomeOf(ivr)).as("a caller hears the approved recording").isEqualTo(recording));
        }

        root.detachAppender(log);
        // The text changes (a new release, or an edited texts folder): the recording is stale and not played.
        Path dari = texts.resolve("prs.manifest");
        Files.writeString(dari, Files.readString(dari).replaceFirst("(?m)^welcome = .*$",
                "welcome = شما با خط تلفن رایگان و محرم تماس گرفته‌اید."));
        try (IvrHarness ivr = IvrHarness.withStudio(dir.resolve("data"), settings)) {
            assertThat(welcomeOf(ivr)).as("the placeholder plays again").isEqualTo("prs/hotline/welcome");
            PromptsConfig config = PromptsConfig.from(ivr.settings());
            PromptStatus welcome = PromptStatus.of(config.texts(), new PromptRecordings(ivr.database().dsl()).all())
                    .stream().filter(s -> s.text().language().equals("prs") && s.text().key().equals("welcome"))
                    .findFirst().orElseThrow();
            assertThat(welcome.status()).isEqualTo(PromptStatus.Status.STALE);
            assertThat(welcome.current().id()).isEqualTo(take);
        }
    }

    @Test
    void anApprovedRecordingAsteriskCannotFindIsFollowedByItsPlaceholderNeverSilence() {
        try (IvrHarness ivr = IvrHarness.withStudio(dir.resolve("data"), Map.of())) {
            DSLContext db = ivr.database().dsl();
            String speaker = operator(db, "speaker", "prs");
            PromptsConfig config = PromptsConfig.from(ivr.settings());
            // Approved, but its file never reached the Asterisk host (the copy has not run yet).
            approveEveryDariPromptBut("none", db, config.texts(), speaker);
            ivr.vertx().eventBus().publish(BusAddresses.PROMPTS_CHANGED, new PromptsChanged("prs", "welcome").toJson());
            String missing = config.asteriskFile("prs", "welcome-seed");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                CallRecord call = ivr.call().missingSoundsFail().hangupWhen(c -> c.contains("lang-option")).build()
                        .run(Duration.ofSeconds(60));
                assertThat(call.prompts()).startsWith(missing, "prs/hotline/welcome");
            });
        }
    }

    /** The first prompt a caller hears: the welcome, in the route's default language (Dari). */
    private static String welcomeOf(IvrHarness ivr) {
        CallRecord call = ivr.call().hangupWhen(command -> command.contains("lang-option")).build()
                .run(Duration.ofSeconds(60));
        return call.prompts().getFirst();
    }

    private Path copyOfTheManifests() throws IOException {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        Path source = PromptManifest.repoRoot().resolve("asterisk-conf/prompts");
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, texts.resolve(file.getFileName()));
            }
        }
        return texts;
    }

    /** Every Dari prompt but one has an approved take already (rows only: the IVR is not asked to play them here). */
    private static void approveEveryDariPromptBut(String key, DSLContext db, PromptTexts texts, String by) {
        texts.of("prs").stream().filter(t -> !t.key().equals(key)).forEach(t -> db.insertInto(PROMPT_RECORDINGS)
                .set(PROMPT_RECORDINGS.ID, UUID.randomUUID().toString()).set(PROMPT_RECORDINGS.LANGUAGE_CODE, "prs")
                .set(PROMPT_RECORDINGS.PROMPT_KEY, t.key()).set(PROMPT_RECORDINGS.TEXT_REVISION, t.revision())
                .set(PROMPT_RECORDINGS.FILE_NAME, t.key() + "-seed").set(PROMPT_RECORDINGS.LENGTH_MS, 1000)
                .set(PROMPT_RECORDINGS.SOURCE, "upload").set(PROMPT_RECORDINGS.STATE, "approved")
                .set(PROMPT_RECORDINGS.RECORDED_BY, by).set(PROMPT_RECORDINGS.RECORDED_AT, NOW.atOffset(ZoneOffset.UTC))
                .execute());
    }

    private static String operator(DSLContext db, String username, String languages) {
        String id = UUID.randomUUID().toString();
        db.insertInto(OPERATORS).set(OPERATORS.ID, id).set(OPERATORS.USERNAME, username)
                .set(OPERATORS.DISPLAY_NAME, username).set(OPERATORS.ROLE, "operator").set(OPERATORS.LANGUAGES, languages)
                .set(OPERATORS.INTERPRETER, false).set(OPERATORS.PASSWORD_HASH, "x").set(OPERATORS.ENABLED, true)
                .set(OPERATORS.CREATED_AT, NOW.atOffset(ZoneOffset.UTC)).execute();
        return id;
    }
}
