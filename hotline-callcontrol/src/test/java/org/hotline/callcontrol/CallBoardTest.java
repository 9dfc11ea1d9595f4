package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.bus.CallControlNotice.Event;
import org.hotline.core.bus.CallControlReply.Problem;
import org.hotline.core.bus.CallControlRequest;
import org.hotline.core.bus.CallControlRequest.Command;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.SupervisionMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board's decisions alone, with a fixed clock: the paths the wire tests do not reach easily. */
class CallBoardTest {
    private static final String CALL = "c0ffee00-0000-4000-8000-000000000001";
    private static final String ROOM = "hotline-" + CALL;
    private static final String O = "op-1";
    private static final String K = "op-2";
    private static final String S = "sup-1";

    private CallBoard board;
    private CallRequests requests;
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void callInConference() {
        board = new CallBoard(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), true);
        requests = new CallRequests(board, () -> "id-" + ids.incrementAndGet());
        board.joined(new AmiEvent.Joined(ROOM, "PJSIP/trunk-01", "u-caller", Exten.CALLER));
        List<Effect> effects = board.joined(new AmiEvent.Joined(ROOM, "PJSIP/1001-02", "u-op", Exten.OPERATOR));
        assertThat(effects).containsExactly(new Effect.LookUpOwner(CALL, "PJSIP/1001"));
        board.ownerIs(CALL, O);
    }

    private List<Effect> ask(Command command, String actor, String endpoint, String target, String targetEndpoint,
                             SupervisionMode mode) {
        CallRequests.Decision decision = requests.decide(new CallControlRequest(command, CALL, actor, endpoint, target,
                targetEndpoint, mode));
        assertThat(decision.refusal()).isNull();
        return decision.effects();
    }

    @Test
    void anOperatorWhoHangsUpWhileTheColleagueRingsLeavesTheCallToWhoeverAnswers() {
        ask(Command.TRANSFER, O, "PJSIP/1001", K, "PJSIP/1002", null);
        board.hungUp(new AmiEvent.HungUp("PJSIP/1001-02", "u-op"));

        List<Effect> effects = board.joined(new AmiEvent.Joined(ROOM, "PJSIP/1002-03", "id-1", Exten.OPERATOR));

        assertThat(effects).contains(new Effect.Redirect(CALL, "PJSIP/trunk-01", Exten.CALLER),
                new Effect.OwnerChanged(new CallOwnerChanged(CALL, O, K)));
    }

    @Test
    void aCallerLeftOnHoldWithNobodyToTakeThemGoesToTheFallbackQueueNeverNowhere() {
        ask(Command.TRANSFER, O, "PJSIP/1001", K, "PJSIP/1002", null);
        board.hungUp(new AmiEvent.HungUp("PJSIP/1001-02", "u-op"));

        List<Effect> effects = board.originated(new AmiEvent.Originated("id-1", "PJSIP/1002", false, 3));

        assertThat(effects).containsExactly(new Effect.Redirect(CALL, "PJSIP/trunk-01", Exten.FALLBACK));
        assertThat(board.calls).isEmpty();
    }

    @Test
    void aColleagueWhoAnswersAfterTheOperatorCancelledIsHungUp() {
        ask(Command.TRANSFER, O, "PJSIP/1001", K, "PJSIP/1002", null);
        List<Effect> cancel = ask(Command.TRANSFER_CANCEL, O, "PJSIP/1001", null, null, null);
        assertThat(cancel).contains(new Effect.Redirect(CALL, "PJSIP/trunk-01", Exten.CALLER),
                new Effect.Hangup(CALL, "id-1"));

        List<Effect> late = board.joined(new AmiEvent.Joined(ROOM, "PJSIP/1002-03", "id-1", Exten.OPERATOR));

        assertThat(late).containsExactly(new Effect.Kick(CALL, ROOM, "PJSIP/1002-03"));
        assertThat(board.call(CALL).orElseThrow().ownerId).isEqualTo(O);
    }

    @Test
    void aSupervisorSwitchingToWhisperAfterATransferSpiesOnTheNewOperator() {
        ask(Command.SUPERVISE, S, "PJSIP/1004", null, null, SupervisionMode.BARGE);
        board.originated(new AmiEvent.Originated("id-1", "PJSIP/1004-04", true, 4));
        ask(Command.TRANSFER, O, "PJSIP/1001", K, "PJSIP/1002", null);
        board.joined(new AmiEvent.Joined(ROOM, "PJSIP/1002-05", "id-2", Exten.OPERATOR));
        ask(Command.TRANSFER_COMPLETE, O, "PJSIP/1001", null, null, null);
        board.hungUp(new AmiEvent.HungUp("PJSIP/1001-02", "u-op"));

        List<Effect> effects = ask(Command.SUPERVISE, S, "PJSIP/1004", null, null, SupervisionMode.WHISPER);

        assertThat(effects).startsWith(new Effect.SetSpy(CALL, "PJSIP/1004-04", "id-2"),
                new Effect.Redirect(CALL, "PJSIP/1004-04", Exten.WHISPER));
        assertThat(effects).contains(new Effect.Notify(K, new org.hotline.core.bus.CallControlNotice(
                Event.SUPERVISOR_JOINED, CALL, S, SupervisionMode.WHISPER, null)));
    }

    @Test
    void aFailedCompleteLeavesTheTwoOperatorsTalkingAndTheCallerOnHold() {
        ask(Command.TRANSFER, O, "PJSIP/1001", K, "PJSIP/1002", null);
        board.joined(new AmiEvent.Joined(ROOM, "PJSIP/1002-03", "id-1", Exten.OPERATOR));
        List<Effect> complete = ask(Command.TRANSFER_COMPLETE, O, "PJSIP/1001", null, null, null);
        CallControlRequest request = new CallControlRequest(Command.TRANSFER_COMPLETE, CALL, O, "PJSIP/1001", null,
                null, null);

        List<Effect> undo = requests.failed(request, (Effect.Action) complete.getFirst(), Problem.TIMEOUT);

        assertThat(undo).isEmpty();
        LiveCall call = board.call(CALL).orElseThrow();
        assertThat(call.callerOnHold).isTrue();
        assertThat(call.transfer.completing).isFalse();
        assertThat(requests.decide(request).refusal()).isNull();
    }

    @Test
    void withShowSupervisorOffTheOperatorIsNotToldButTheSessionIsStillAudited() {
        board = new CallBoard(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), false);
        requests = new CallRequests(board, () -> "id-" + ids.incrementAndGet());
        board.joined(new AmiEvent.Joined(ROOM, "PJSIP/trunk-01", "u-caller", Exten.CALLER));
        board.joined(new AmiEvent.Joined(ROOM, "PJSIP/1001-02", "u-op", Exten.OPERATOR));
        board.ownerIs(CALL, O);
        ask(Command.SUPERVISE, S, "PJSIP/1004", null, null, SupervisionMode.LISTEN);

        List<Effect> effects = board.originated(new AmiEvent.Originated("id-1", "PJSIP/1004-04", true, 4));

        assertThat(effects).filteredOn(e -> e instanceof Effect.Notify n && n.personId().equals(O)).isEmpty();
        assertThat(effects).filteredOn(e -> e instanceof Effect.Supervised).hasSize(1);
    }

    @Test
    void theOwnersHangupWithoutATransferWaitsForTheCallersOwnEnd() {
        List<Effect> effects = new ArrayList<>(board.hungUp(new AmiEvent.HungUp("PJSIP/1001-02", "u-op")));
        assertThat(effects).isEmpty();
        effects.addAll(board.hungUp(new AmiEvent.HungUp("PJSIP/trunk-01", "u-caller")));
        assertThat(effects).contains(new Effect.Kick(CALL, ROOM, "all"));
        assertThat(board.calls).isEmpty();
    }
}
