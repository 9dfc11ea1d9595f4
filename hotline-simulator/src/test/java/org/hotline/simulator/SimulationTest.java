package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

class SimulationTest {
    private static TestAgiServer server;

    @BeforeAll
    static void startServer() {
        Map<String, AgiScript> scripts = new HashMap<>();
        scripts.put("hotline", new MiniHotlineScript());
        server = TestAgiServer.start(scripts);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /**
     * These tests check how a load is planned and counted, not prompt timing (RealTimePromptTest does): each of
     * 60 callers hears up to a dozen prompts of about 3 s, so real lengths would make each call last a minute.
     * 100 ms prompts keep the calls overlapping and the run short.
     */
    private static SimulationOptions options() {
        return SimulationOptions.defaults().withPort(server.port()).withRate(200).withSeed(7)
                .withCallTimeout(Duration.ofSeconds(20)).withPromptTime(Duration.ofMillis(100));
    }

    @Test
    void aMixedLoadEndsEveryCallOneWayOrAnother() {
        SimulationResult result = Simulation.run(options().withCalls(60));

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.placed()).isEqualTo(60);
        assertThat(result.completed() + result.callerHungUp()).isEqualTo(60);
        assertThat(result.completed())
                .isEqualTo(result.handedOff() + result.endedInIvr() + result.fallback() + result.otherOutcome());
        assertThat(result.otherOutcome()).isZero();
        // Every scripted hang-up happened, and only those.
        assertThat(result.callerHungUp()).isEqualTo(result.behaviours().getOrDefault("hangup-in-language-menu", 0)
                + result.behaviours().getOrDefault("hangup-in-purpose-menu", 0));
        assertThat(result.behaviours().get("complete")).isGreaterThan(result.behaviours().get("silent"));
        assertThat(result.handedOff()).isPositive();
        assertThat(result.endedInIvr()).isPositive();
        assertThat(result.p50()).isLessThanOrEqualTo(result.p95());
        assertThat(result.p95()).isLessThanOrEqualTo(result.p99());
        assertThat(result.p99()).isLessThanOrEqualTo(result.max());
    }

    @Test
    void theSameSeedPlansTheSameCalls() {
        SimulationResult first = Simulation.run(options().withCalls(30));
        SimulationResult second = Simulation.run(options().withCalls(30));

        assertThat(second.behaviours()).isEqualTo(first.behaviours());
        assertThat(second.handedOff()).isEqualTo(first.handedOff());
        assertThat(second.endedInIvr()).isEqualTo(first.endedInIvr());
        assertThat(second.fallback()).isEqualTo(first.fallback());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyProfileRunsCleanly(Profile profile) {
        SimulationResult result = Simulation.run(options().withCalls(12).withProfile(profile));

        assertThat(result.ok()).as(result.summary()).isTrue();
        switch (profile) {
            case COMPLETE, EMERGENCY, INVALID_KEYS -> assertThat(result.completed()).isEqualTo(12);
            case HANGUP_IN_MENU -> assertThat(result.callerHungUp()).isEqualTo(12);
            case SILENT -> assertThat(result.fallback()).isEqualTo(12);
            case MIXED -> assertThat(result.placed()).isEqualTo(12);
        }
        if (profile == Profile.EMERGENCY) {
            assertThat(result.handedOff()).isEqualTo(12);
        }
    }

    @Test
    void startsCallsAtTheRequestedRate() {
        SimulationResult result = Simulation.run(options().withCalls(10).withRate(20).withProfile(Profile.EMERGENCY));

        // Ten starts at 20/s span 450 ms whatever the calls do.
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void theCommandPrintsASummaryAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--port", String.valueOf(server.port()), "--calls", "8", "--rate", "100",
                "--profile", "hangup-in-menu", "--seed", "3", "--timeout", "20s", "--prompt-time", "100ms");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Simulated 8 calls (profile hangup-in-menu, seed 3)")
                .containsPattern("placed\\s+8").containsPattern("caller hung up\\s+8").contains("p99");
    }

    @Test
    void theCommandExitsOneWhenCallsFail() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new SimulateCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--port", String.valueOf(TestAgiServer.freePort()), "--calls", "3",
                "--rate", "100", "--timeout", "5s");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).containsPattern("errors\\s+3").contains("could not connect");
    }

    @Test
    void theCommandRejectsBadOptions() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err));

        assertThat(command.execute("--profile", "polite")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown profile 'polite'");
        assertThat(command.execute("--rate", "0")).isEqualTo(2);
        assertThat(command.execute("--timeout", "soon")).isEqualTo(2);
        assertThat(command.execute("--prompt-time", "0s")).isEqualTo(2);
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> options().withRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options().withCalls(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options().withCallTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Profile.fromName("HANGUP_IN_MENU")).isEqualTo(Profile.HANGUP_IN_MENU);
    }

    @Test
    void durationsReadTheWayPeopleTypeThem() {
        DurationConverter converter = new DurationConverter();

        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
    }
}
