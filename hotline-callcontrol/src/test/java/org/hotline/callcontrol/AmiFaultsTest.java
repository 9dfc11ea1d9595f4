package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.callcontrol.CallControlHarness.K;
import static org.hotline.callcontrol.CallControlHarness.O;
import static org.hotline.callcontrol.CallControlHarness.WAIT;

import java.nio.file.Path;
import java.util.List;
import org.hotline.core.bus.CallControlNotice.Event;
import org.hotline.core.bus.CallControlReply.Problem;
import org.hotline.core.bus.CallControlRequest.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMI faults: a response that never comes, Asterisk down, Asterisk restarted; and the caller's privacy. */
class AmiFaultsTest {
    private static final String CALL = "5b0c6a1e-3333-4000-8000-00000000cc01";
    private static final String ROOM = "hotline-" + CALL;
    private static final String NUMBER = "+93799123456";

    @TempDir
    Path dir;
    private CallControlHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new CallControlHarness(dir);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void anOriginateThatAsteriskNeverAnswersTimesOutAndTheCallerIsBroughtBack() throws Exception {
        List<String> legs = h.connect(NUMBER, CALL);
        h.ami.ignore("Originate");

        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).problem()).isEqualTo(Problem.TIMEOUT);

        assertThat(h.awaitNotice(O, Event.TRANSFER_FAILED).reason()).isEqualTo("timeout");
        await().atMost(WAIT).until(() -> h.ami.members(ROOM).containsAll(legs));
        h.ami.stopIgnoring();
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
    }

    @Test
    void aRedirectThatAsteriskNeverAnswersTimesOutAndNothingChanged() throws Exception {
        List<String> legs = h.connect(NUMBER, CALL);
        h.ami.ignore("Redirect");

        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).problem()).isEqualTo(Problem.TIMEOUT);
        assertThat(h.ami.channelOf(CallControlHarness.PHONES.get(K))).isEmpty();
        assertThat(h.ami.members(ROOM)).containsExactlyElementsOf(legs);
        h.ami.stopIgnoring();
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
    }

    @Test
    void withAsteriskDownEveryRequestSaysUnavailableAndAfterItsRestartCallControlWorksAgain() throws Exception {
        h.connect(NUMBER, CALL);

        h.ami.stop();
        h.awaitAvailable(false);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).problem()).isEqualTo(Problem.UNAVAILABLE);

        h.ami.restart();
        h.awaitAvailable(true);
        // The restart ended every call: the one known before is over, and new calls are controlled as before.
        h.awaitNotice(O, Event.CALL_ENDED);
        await().atMost(WAIT).until(() -> h.live().calls().isEmpty());
        String next = "5b0c6a1e-3333-4000-8000-00000000cc02";
        h.connect(NUMBER, next);
        assertThat(h.ask(Command.TRANSFER, next, O, K, null).ok()).isTrue();
        h.awaitNotice(O, Event.TRANSFER_TALKING);
    }

    @Test
    void anAsteriskThatStopsAnsweringIsSeenAsDownAndAsUpOnceItAnswersAgain() throws Exception {
        h.connect(NUMBER, CALL);
        // A hung Asterisk keeps the socket open and answers nothing, not even a ping.
        h.ami.ignore("Ping");
        h.ami.ignore("Originate");
        h.ami.ignore("Redirect");
        h.awaitAvailable(false);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).problem()).isEqualTo(Problem.UNAVAILABLE);

        h.ami.stopIgnoring();
        h.awaitAvailable(true);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
    }

    @Test
    void theCallersNumberIsInNoActionSentAndNoLogLine() throws Exception {
        List<String> legs = h.connect(NUMBER, CALL);
        assertThat(h.ask(Command.INTERPRETER_ADD, CALL, O, CallControlHarness.I, null).ok()).isTrue();
        h.awaitNotice(O, Event.INTERPRETER_JOINED);
        assertThat(h.ask(Command.SUPERVISE, CALL, CallControlHarness.S, null,
                org.hotline.core.bus.SupervisionMode.LISTEN).ok()).isTrue();
        h.awaitNotice(CallControlHarness.S, Event.SUPERVISION_STARTED);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
        h.awaitNotice(O, Event.TRANSFER_TALKING);
        assertThat(h.ask(Command.TRANSFER_COMPLETE, CALL, O, null, null).ok()).isTrue();
        h.awaitNotice(K, Event.TRANSFER_DONE);
        h.ami.hangup(legs.get(0));
        h.awaitNotice(K, Event.CALL_ENDED);

        List<String> sent = h.ami.actionsReceived();
        assertThat(sent).anyMatch(a -> a.toLowerCase().startsWith("action: originate"))
                .anyMatch(a -> a.toLowerCase().startsWith("action: redirect"))
                .anyMatch(a -> a.toLowerCase().startsWith("action: confbridgekick"));
        String digits = NUMBER.substring(1);
        // The number did reach Hotline: Asterisk puts it in the caller channel's events.
        assertThat(String.join("", h.ami.eventsSent())).contains("CallerIDNum: " + NUMBER);
        assertThat(String.join("", sent)).doesNotContain(digits).doesNotContain(digits.substring(3));
        assertThat(h.allLogs()).isNotEmpty().doesNotContain(digits).doesNotContain(digits.substring(3));
    }
}
