package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.callcontrol.CallControlHarness.K;
import static org.hotline.callcontrol.CallControlHarness.O;
import static org.hotline.callcontrol.CallControlHarness.PHONES;
import static org.hotline.callcontrol.CallControlHarness.WAIT;

import java.nio.file.Path;
import java.util.List;
import org.hotline.core.bus.CallControlNotice.Event;
import org.hotline.core.bus.CallControlReply;
import org.hotline.core.bus.CallControlRequest.Command;
import org.hotline.core.bus.CallOwnerChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warm transfer, against the fake AMI over TCP: accepted, refused, unanswered, abandoned by either side. */
class WarmTransferTest {
    private static final String CALL = "5b0c6a1e-1111-4000-8000-00000000aa01";
    private static final String ROOM = "hotline-" + CALL;

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
    void theOperatorTalksToTheColleagueWhileTheCallerHoldsThenHandsTheCallOver() throws Exception {
        List<String> legs = h.connect("+93701234567", CALL);
        String caller = legs.get(0);
        String operator = legs.get(1);

        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
        assertThat(h.awaitNotice(K, Event.TRANSFER_OFFERED).peerId()).isEqualTo(O);
        h.awaitNotice(O, Event.TRANSFER_TALKING);
        String colleague = h.channelOf(K);
        assertThat(h.ami.location(caller)).contains("hotline-callcontrol,hold");
        // Who the call is offered to, for the draft tip's read access (see the README, "After the merge").
        assertThat(h.live().calls().getFirst().transferTo()).isEqualTo(K);
        assertThat(h.ami.members(ROOM)).containsExactlyInAnyOrder(operator, colleague);

        assertThat(h.ask(Command.TRANSFER_COMPLETE, CALL, O, null, null).ok()).isTrue();
        await().atMost(WAIT).until(() -> !h.owners.isEmpty());
        assertThat(h.owners).containsExactly(new CallOwnerChanged(CALL, O, K));
        assertThat(h.ami.members(ROOM)).containsExactlyInAnyOrder(caller, colleague);
        assertThat(h.ami.location(operator)).isEmpty();
        h.awaitNotice(O, Event.TRANSFER_DONE);
        assertThat(h.awaitNotice(K, Event.TRANSFER_DONE).peerId()).isEqualTo(O);
        await().atMost(WAIT).until(() -> h.live().calls().getFirst().operatorId().equals(K));

        // The call is the colleague's now: only they can act on it.
        assertThat(h.ask(Command.INTERPRETER_ADD, CALL, O, CallControlHarness.I, null).problem())
                .isEqualTo(CallControlReply.Problem.NOT_ON_CALL);
    }

    @Test
    void aColleagueWhoDeclinesLeavesTheCallerWithTheFirstOperator() throws Exception {
        List<String> legs = h.connect("+93701234567", CALL);
        h.ami.declines(PHONES.get(K));

        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();

        assertThat(h.awaitNotice(O, Event.TRANSFER_FAILED).reason()).isEqualTo("declined");
        await().atMost(WAIT).until(() -> h.ami.members(ROOM).containsAll(legs));
        assertThat(h.owners).isEmpty();
    }

    @Test
    void aColleagueWhoDoesNotAnswerLeavesTheCallerWithTheFirstOperator() throws Exception {
        List<String> legs = h.connect("+93701234567", CALL);
        h.ami.ringsUnanswered(PHONES.get(K));

        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
        h.awaitNotice(O, Event.TRANSFER_RINGING);

        assertThat(h.awaitNotice(O, Event.TRANSFER_FAILED).reason()).isEqualTo("no-answer");
        await().atMost(WAIT).until(() -> h.ami.members(ROOM).containsAll(legs));
    }

    @Test
    void aColleagueWhoHangsUpMidTransferReturnsTheCallerToTheFirstOperator() throws Exception {
        List<String> legs = h.connect("+93701234567", CALL);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
        h.awaitNotice(O, Event.TRANSFER_TALKING);

        h.ami.hangup(h.channelOf(K));

        assertThat(h.awaitNotice(O, Event.TRANSFER_FAILED).reason()).isEqualTo("left");
        await().atMost(WAIT).until(() -> h.ami.members(ROOM).equals(legs));
        assertThat(h.owners).isEmpty();
        // And the operator can try again.
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
    }

    @Test
    void theOperatorCanCancelAndTakeTheCallerBack() throws Exception {
        List<String> legs = h.connect("+93701234567", CALL);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
        h.awaitNotice(O, Event.TRANSFER_TALKING);
        String colleague = h.channelOf(K);

        assertThat(h.ask(Command.TRANSFER_CANCEL, CALL, O, null, null).ok()).isTrue();

        await().atMost(WAIT).until(() -> h.ami.members(ROOM).equals(legs));
        assertThat(h.ami.location(colleague)).isEmpty();
        assertThat(h.owners).isEmpty();
    }

    @Test
    void aCallerWhoHangsUpDuringTheTransferEndsBothLegsAndTheCallStaysWithTheFirstOperator() throws Exception {
        List<String> legs = h.connect("+93701234567", CALL);
        assertThat(h.ask(Command.TRANSFER, CALL, O, K, null).ok()).isTrue();
        h.awaitNotice(O, Event.TRANSFER_TALKING);
        String colleague = h.channelOf(K);

        h.ami.hangup(legs.get(0));

        await().atMost(WAIT).until(() -> h.ami.location(legs.get(1)).isEmpty() && h.ami.location(colleague).isEmpty());
        h.awaitNotice(O, Event.CALL_ENDED);
        assertThat(h.awaitNotice(K, Event.TRANSFER_FAILED).reason()).isEqualTo("caller-left");
        assertThat(h.owners).isEmpty();
        await().atMost(WAIT).until(() -> h.live().calls().isEmpty());
    }

    @Test
    void onlyTheOperatorOnTheCallCanTransferIt() throws Exception {
        h.connect("+93701234567", CALL);
        assertThat(h.ask(Command.TRANSFER, CALL, K, O, null).problem())
                .isEqualTo(CallControlReply.Problem.NOT_ON_CALL);
        assertThat(h.ask(Command.TRANSFER, "5b0c6a1e-1111-4000-8000-0000000000ff", O, K, null).problem())
                .isEqualTo(CallControlReply.Problem.NO_SUCH_CALL);
    }
}
