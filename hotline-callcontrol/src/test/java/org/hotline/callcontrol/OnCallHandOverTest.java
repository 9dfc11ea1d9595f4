package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.callcontrol.EscalationHarness.AZIZ;
import static org.hotline.callcontrol.EscalationHarness.BIBI;
import static org.hotline.callcontrol.EscalationHarness.WAIT;
import static org.hotline.core.db.Tables.ESCALATIONS;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.bus.EscalationNeeded.Kind;
import org.hotline.core.bus.EscalationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What follows a duty person's 1, against the fake Asterisk's AMI over TCP and H2: an emergency voice message is
 * played to them (acknowledged by the dialplan's UserEvent, as often as they press 1 again), its caller having
 * left does not stop the paging, and a caller who hangs up between the 1 and reaching the room has the duty person
 * told and hung up, not left in an empty room.
 */
class OnCallHandOverTest {
    private static final String CALL = "0ca11000-0000-4000-8000-0000000000c2";
    private static final Duration LONG = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private EscalationHarness h;

    @AfterEach
    void stop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void anEmergencyVoiceMessageIsPlayedToTheDutyPersonWhoPressesOneAndCanBeHeardAgain() throws Exception {
        h = new EscalationHarness(dir, LONG, 2, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.EMERGENCY_VOICEMAIL);
        String leg = h.pagedLeg(AZIZ);
        assertThat(h.ami.variable(leg, "HOTLINE_WAITING")).contains("message");
        assertThat(h.ami.variable(leg, "HOTLINE_MESSAGE")).contains(CALL);

        // The caller who left the message hangs up, as they do: that is no reason to stop paging.
        h.vertx.eventBus().publish(BusAddresses.CALL_ENDED, new CallEnded(CALL, null, null, Instant.now()).toJson());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> h.last(CALL)
                .map(EscalationStatus::state).filter("paging"::equals).isPresent());

        h.ami.press(leg, '1');

        EscalationStatus acknowledged = h.awaitState(CALL, "acknowledged");
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("Aziz");
        String recording = "/var/spool/asterisk/hotline-voicemail/" + CALL;
        assertThat(h.ami.played(leg)).containsExactly(recording);
        assertThat(h.ami.location(leg)).contains("hotline-oncall,message");
        assertThat(h.ami.members("hotline-" + CALL)).as("no room for a message").isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(h.database.dsl().selectFrom(ESCALATIONS)
                .where(ESCALATIONS.CALL_ID.eq(CALL)).fetchOne().getState()).isEqualTo("acknowledged"));

        h.ami.press(leg, '1');
        assertThat(h.ami.played(leg)).containsExactly(recording, recording);
        assertThat(h.dialled()).containsExactly(EscalationHarness.channel(AZIZ));
    }

    @Test
    void theCallerHangingUpAfterTheOneButBeforeTheRoomHasTheDutyPersonToldAndHungUp() throws Exception {
        h = new EscalationHarness(dir, LONG, 2, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        String leg = h.pagedLeg(AZIZ);
        h.ami.press(leg, '1');
        h.awaitState(CALL, "acknowledged");
        assertThat(h.ami.members("hotline-" + CALL)).containsExactly(leg);

        h.vertx.eventBus().publish(BusAddresses.CALL_ENDED, new CallEnded(CALL, null, null, Instant.now()).toJson());

        await().atMost(WAIT).until(() -> h.ami.played(leg).contains("hotline-staff/caller-gone"));
        assertThat(h.ami.members("hotline-" + CALL)).as("out of the empty room").isEmpty();
        await().atMost(WAIT).until(() -> h.ami.location(leg).isEmpty());
        assertThat(h.dialled()).containsExactly(EscalationHarness.channel(AZIZ));
    }

    @Test
    void aCallerWhoReachedTheRoomAndLaterHangsUpSendsTheDutyPersonNoSentence() throws Exception {
        h = new EscalationHarness(dir, LONG, 2, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        String leg = h.pagedLeg(AZIZ);
        h.ami.press(leg, '1');
        h.awaitState(CALL, "acknowledged");
        String caller = h.ami.joinAsCaller("+93799123456", CALL);
        await().atMost(WAIT).until(() -> h.ami.members("hotline-" + CALL).size() == 2);

        h.ami.hangup(caller);
        h.vertx.eventBus().publish(BusAddresses.CALL_ENDED, new CallEnded(CALL, null, null, Instant.now()).toJson());

        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> h.ami.played(leg).isEmpty());
        assertThat(h.ami.actionsReceived()).noneMatch(action -> action.contains("caller-gone"));
    }

    @Test
    void aDutyPersonWhoHangsUpBeforeTheCallerArrivesLeavesNoCallerAloneInTheRoom() throws Exception {
        h = new EscalationHarness(dir, LONG, 2, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        String leg = h.pagedLeg(AZIZ);
        h.ami.press(leg, '1');
        h.awaitState(CALL, "acknowledged");

        h.ami.hangup(leg);
        String caller = h.ami.joinAsCaller("+93799123456", CALL);

        await().atMost(WAIT).until(() -> h.ami.location(caller).filter("hotline-fallback,s"::equals).isPresent());
        assertThat(h.ami.members("hotline-" + CALL)).isEmpty();
    }
}
