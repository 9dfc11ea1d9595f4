package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.callcontrol.CallControlHarness.I;
import static org.hotline.callcontrol.CallControlHarness.O;
import static org.hotline.callcontrol.CallControlHarness.PHONES;
import static org.hotline.callcontrol.CallControlHarness.S;
import static org.hotline.callcontrol.CallControlHarness.WAIT;

import java.nio.file.Path;
import java.util.List;
import org.hotline.core.bus.CallControlNotice.Event;
import org.hotline.core.bus.CallControlRequest.Command;
import org.hotline.core.bus.SupervisionMode;
import org.hotline.core.bus.SupervisionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interpreter joins and leaves; a supervisor listens, whispers, barges, and is cut off by the caller. */
class InterpreterAndSupervisionTest {
    private static final String CALL = "5b0c6a1e-2222-4000-8000-00000000bb01";
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
    void anInterpreterJoinsTheConversationAndIsRemoved() throws Exception {
        List<String> legs = h.connect("+998901234567", CALL);

        assertThat(h.ask(Command.INTERPRETER_ADD, CALL, O, I, null).ok()).isTrue();
        assertThat(h.awaitNotice(O, Event.INTERPRETER_JOINED).peerId()).isEqualTo(I);
        String interpreter = h.channelOf(I);
        assertThat(h.ami.members(ROOM)).containsExactly(legs.get(0), legs.get(1), interpreter);
        await().atMost(WAIT).until(() -> h.live().calls().getFirst().interpreter());

        assertThat(h.ask(Command.INTERPRETER_REMOVE, CALL, O, null, null).ok()).isTrue();
        h.awaitNotice(O, Event.INTERPRETER_LEFT);
        assertThat(h.ami.members(ROOM)).containsExactlyElementsOf(legs);
        assertThat(h.ami.location(interpreter)).isEmpty();
    }

    @Test
    void anInterpreterWhoHangsUpLeavesTheCallGoingAndAnotherCanBeCalled() throws Exception {
        List<String> legs = h.connect("+998901234567", CALL);
        assertThat(h.ask(Command.INTERPRETER_ADD, CALL, O, I, null).ok()).isTrue();
        h.awaitNotice(O, Event.INTERPRETER_JOINED);

        h.ami.hangup(h.channelOf(I));

        h.awaitNotice(O, Event.INTERPRETER_LEFT);
        assertThat(h.ami.members(ROOM)).containsExactlyElementsOf(legs);
        assertThat(h.ask(Command.INTERPRETER_ADD, CALL, O, I, null).ok()).isTrue();
    }

    @Test
    void anInterpreterWhoDeclinesIsReported() throws Exception {
        h.connect("+998901234567", CALL);
        h.ami.declines(PHONES.get(I));
        assertThat(h.ask(Command.INTERPRETER_ADD, CALL, O, I, null).ok()).isTrue();
        assertThat(h.awaitNotice(O, Event.INTERPRETER_FAILED).reason()).isEqualTo("declined");
    }

    @Test
    void aSupervisorListensWhispersBargesAndLeavesEachModeAudited() throws Exception {
        List<String> legs = h.connect("+998901234567", CALL);

        assertThat(h.ask(Command.SUPERVISE, CALL, S, null, SupervisionMode.LISTEN).ok()).isTrue();
        assertThat(h.awaitNotice(O, Event.SUPERVISOR_JOINED).mode()).isEqualTo(SupervisionMode.LISTEN);
        h.awaitNotice(S, Event.SUPERVISION_STARTED);
        String supervisor = h.channelOf(S);
        assertThat(h.ami.location(supervisor)).contains("hotline-callcontrol,listen");
        assertThat(h.ami.variable(supervisor, "HOTLINE_SPY")).isPresent().get().asString().isNotBlank();
        assertThat(h.ami.members(ROOM)).doesNotContain(supervisor);

        assertThat(h.ask(Command.SUPERVISE, CALL, S, null, SupervisionMode.WHISPER).ok()).isTrue();
        await().atMost(WAIT).until(() -> h.ami.location(supervisor).orElse("").endsWith(",whisper"));

        assertThat(h.ask(Command.SUPERVISE, CALL, S, null, SupervisionMode.BARGE).ok()).isTrue();
        await().atMost(WAIT).until(() -> h.ami.members(ROOM).contains(supervisor));

        assertThat(h.ask(Command.SUPERVISE_END, CALL, S, null, null).ok()).isTrue();
        h.awaitNotice(O, Event.SUPERVISOR_LEFT);
        h.awaitNotice(S, Event.SUPERVISION_ENDED);
        assertThat(h.ami.location(supervisor)).isEmpty();
        assertThat(h.ami.members(ROOM)).containsExactlyElementsOf(legs);
        assertThat(h.supervision).extracting(SupervisionRecord::mode).containsExactly(SupervisionMode.LISTEN,
                SupervisionMode.WHISPER, SupervisionMode.BARGE, null);
        assertThat(h.supervision).allMatch(r -> r.supervisorId().equals(S) && r.callId().equals(CALL));
    }

    @Test
    void aCallerWhoHangsUpWhileTheSupervisorListensEndsTheSessionAndItIsAudited() throws Exception {
        List<String> legs = h.connect("+998901234567", CALL);
        assertThat(h.ask(Command.SUPERVISE, CALL, S, null, SupervisionMode.LISTEN).ok()).isTrue();
        h.awaitNotice(S, Event.SUPERVISION_STARTED);
        String supervisor = h.channelOf(S);

        h.ami.hangup(legs.get(0));

        h.awaitNotice(S, Event.SUPERVISION_ENDED);
        await().atMost(WAIT).until(() -> h.ami.location(supervisor).isEmpty() && h.ami.location(legs.get(1)).isEmpty());
        assertThat(h.supervision).extracting(SupervisionRecord::mode).containsExactly(SupervisionMode.LISTEN, null);
    }

    @Test
    void aCallerWhoHangsUpWhileTheSupervisorIsOnTheCallEndsEveryLeg() throws Exception {
        List<String> legs = h.connect("+998901234567", CALL);
        assertThat(h.ask(Command.SUPERVISE, CALL, S, null, SupervisionMode.BARGE).ok()).isTrue();
        String supervisor = h.channelOf(S);
        await().atMost(WAIT).until(() -> h.ami.members(ROOM).contains(supervisor));

        h.ami.hangup(legs.get(0));

        await().atMost(WAIT).until(() -> h.ami.location(supervisor).isEmpty() && h.ami.location(legs.get(1)).isEmpty());
        await().atMost(WAIT).until(() -> h.supervision.size() == 2);
        assertThat(h.supervision.get(1).ended()).isTrue();
    }

    @Test
    void aSupervisorWhoHangsUpThemselvesEndsTheSession() throws Exception {
        h.connect("+998901234567", CALL);
        assertThat(h.ask(Command.SUPERVISE, CALL, S, null, SupervisionMode.WHISPER).ok()).isTrue();
        h.awaitNotice(S, Event.SUPERVISION_STARTED);

        h.ami.hangup(h.channelOf(S));

        h.awaitNotice(O, Event.SUPERVISOR_LEFT);
        await().atMost(WAIT).until(() -> h.supervision.size() == 2);
        assertThat(h.supervision.get(1).ended()).isTrue();
    }
}
