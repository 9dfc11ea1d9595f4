package org.hotline.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.callcontrol.EscalationHarness.AZIZ;
import static org.hotline.callcontrol.EscalationHarness.BIBI;
import static org.hotline.callcontrol.EscalationHarness.CYRUS;
import static org.hotline.callcontrol.EscalationHarness.WAIT;
import static org.hotline.callcontrol.EscalationHarness.channel;
import static org.hotline.core.db.Tables.ESCALATIONS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.bus.EscalationNeeded.Kind;
import org.hotline.core.bus.EscalationStatus;
import org.hotline.core.call.CallOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-call escalation against the fake Asterisk's AMI over TCP and a real H2 database: the duty list paged in
 * order, acknowledged with 1, repeated, skipped on a refusal, stopped when the call is over, resumed after a
 * restart; and the duty numbers in no log line and no bus message.
 */
class EscalationTest {
    private static final String CALL = "e5ca1a7e-0000-4000-8000-0000000000c1";
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
    void anEmergencyEscalatesAndTheFirstWhoPressesOneIsPutInTheCallsRoom() throws Exception {
        h = new EscalationHarness(dir, LONG, 2, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);

        EscalationStatus paging = h.awaitState(CALL, "paging");
        assertThat(paging.paging()).isEqualTo("Aziz");
        assertThat(paging.round()).isEqualTo(1);
        String leg = h.pagedLeg(AZIZ);
        assertThat(h.ami.variable(leg, "HOTLINE_ROOM")).contains("hotline-" + CALL);
        assertThat(h.ami.variable(leg, "HOTLINE_LANGUAGE")).contains("prs");
        assertThat(h.ami.variable(leg, "HOTLINE_WAITING")).contains("call");

        h.ami.press(leg, '1');

        EscalationStatus acknowledged = h.awaitState(CALL, "acknowledged");
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("Aziz");
        assertThat(acknowledged.acknowledgedAt()).isAfterOrEqualTo(acknowledged.startedAt());
        assertThat(h.ami.members("hotline-" + CALL)).containsExactly(leg);
        assertThat(h.ami.location(leg)).contains("hotline-callcontrol,oncall");
        await().atMost(WAIT).untilAsserted(() -> {
            var row = h.database.dsl().selectFrom(ESCALATIONS).where(ESCALATIONS.CALL_ID.eq(CALL)).fetchOne();
            assertThat(row.getState()).isEqualTo("acknowledged");
            assertThat(row.getAcknowledgedBy()).isEqualTo(AZIZ.id());
            assertThat(row.getAcknowledgedAt()).isNotNull();
        });
        assertThat(h.dialled()).containsExactly(channel(AZIZ));
    }

    @Test
    void nobodyAcknowledgesSoTheListIsPagedAgainUntilTheRoundsRunOut() throws Exception {
        // Every phone answers and nobody presses 1: each page ends at the acknowledgement timeout.
        h = new EscalationHarness(dir, Duration.ofSeconds(2), 2, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.EMERGENCY_VOICEMAIL);

        EscalationStatus exhausted = h.awaitState(CALL, "exhausted");

        assertThat(h.dialled()).containsExactly(channel(AZIZ), channel(BIBI), channel(AZIZ), channel(BIBI));
        assertThat(h.shown).filteredOn(s -> s.state().equals("paging")).extracting(EscalationStatus::round)
                .containsExactly(1, 1, 2, 2);
        assertThat(exhausted.acknowledgedBy()).isNull();
        // Each unanswered page was hung up at its timeout: no duty phone is left ringing.
        await().atMost(WAIT).until(() -> h.ami.channelOf(channel(AZIZ)).isEmpty()
                && h.ami.channelOf(channel(BIBI)).isEmpty());
    }

    @Test
    void theTrunkRefusingADutyPhoneMovesToTheNextPersonAtOnce() throws Exception {
        h = new EscalationHarness(dir, LONG, 1, List.of(AZIZ, BIBI, CYRUS));
        h.ami.declines(channel(AZIZ));
        h.need(CALL, Kind.DECLINED_EMERGENCY);

        // Well before Aziz's two-minute acknowledgement timeout: the OriginateResponse Failure moved it on.
        String leg = h.pagedLeg(BIBI);
        h.ami.press(leg, '1');

        assertThat(h.awaitState(CALL, "acknowledged").acknowledgedBy()).isEqualTo("Bibi");
        assertThat(h.dialled()).containsExactly(channel(AZIZ), channel(BIBI));
    }

    @Test
    void aDutyPersonWhoHangsUpWithoutPressingOneIsFollowedByTheNext() throws Exception {
        h = new EscalationHarness(dir, LONG, 1, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);

        h.ami.press(h.pagedLeg(AZIZ), '9');

        h.ami.press(h.pagedLeg(BIBI), '1');
        assertThat(h.awaitState(CALL, "acknowledged").acknowledgedBy()).isEqualTo("Bibi");
    }

    @Test
    void theCallerLeavingEndsTheEscalationAsCallerGoneAndTheRingingPhoneIsHungUp() throws Exception {
        h = new EscalationHarness(dir, LONG, 3, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        h.pagedLeg(AZIZ);

        h.vertx.eventBus().publish(BusAddresses.CALL_LEFT, new CallLeft(CALL, CallOutcome.ABANDONED_IN_QUEUE).toJson());

        h.awaitState(CALL, "caller-gone");
        await().atMost(WAIT).untilAsserted(() -> assertThat(h.database.dsl().selectFrom(ESCALATIONS)
                .where(ESCALATIONS.CALL_ID.eq(CALL)).fetchOne().getState()).isEqualTo("caller-gone"));
        await().atMost(WAIT).until(() -> h.ami.channelOf(channel(AZIZ)).isEmpty());
        assertThat(h.dialled()).containsExactly(channel(AZIZ));
    }

    @Test
    void anOperatorTakingTheCallStopsTheEscalation() throws Exception {
        h = new EscalationHarness(dir, LONG, 3, List.of(AZIZ, BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        h.pagedLeg(AZIZ);

        // The dialplan hands the caller to an operator: both join the call's room (Dial G()).
        h.ami.connectCall("+93799123456", CALL, "PJSIP/1001");

        h.awaitState(CALL, "stopped");
        await().atMost(WAIT).until(() -> h.ami.channelOf(channel(AZIZ)).isEmpty());
    }

    @Test
    void aRestartDuringAnEscalationResumesItWithThePersonBeingPaged() throws Exception {
        h = new EscalationHarness(dir, LONG, 2, List.of(AZIZ, BIBI));
        h.ami.declines(channel(AZIZ));
        h.ami.ringsUnanswered(channel(BIBI));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        await().atMost(WAIT).until(() -> h.last(CALL).map(EscalationStatus::paging).filter("Bibi"::equals)
                .isPresent());
        await().atMost(WAIT).until(() -> h.dialled().size() == 2);

        // Bibi's first page still rings (unanswered) when Hotline stops; paged again, Bibi answers.
        h.ami.answers(channel(BIBI));
        h.restart();

        String leg = h.pagedLeg(BIBI);
        h.ami.press(leg, '1');
        assertThat(h.awaitState(CALL, "acknowledged").acknowledgedBy()).isEqualTo("Bibi");
        // Aziz (who declined) was not paged again: the escalation went on where it was.
        assertThat(h.dialled()).containsExactly(channel(AZIZ), channel(BIBI), channel(BIBI));
        var row = h.database.dsl().selectFrom(ESCALATIONS).where(ESCALATIONS.CALL_ID.eq(CALL)).fetchOne();
        assertThat(row.getState()).isEqualTo("acknowledged");
    }

    @Test
    void withAsteriskDownNobodyIsSkippedAndPagingGoesOnOnceItIsBack() throws Exception {
        h = new EscalationHarness(dir, Duration.ofSeconds(2), 1, List.of(AZIZ, BIBI));
        h.ami.stop();
        await().atMost(WAIT).until(() -> !h.live().available());
        h.need(CALL, Kind.WAITING_EMERGENCY);

        // Several acknowledgement timeouts pass with AMI down: one round of two people would be over by now.
        await().atMost(WAIT).until(() -> h.allLogs().split("could not be sent", -1).length > 4);
        h.ami.restart();

        h.ami.press(h.pagedLeg(AZIZ), '1');
        assertThat(h.awaitState(CALL, "acknowledged").acknowledgedBy()).isEqualTo("Aziz");
        assertThat(h.shown).noneMatch(s -> s.state().equals("exhausted"));
    }

    @Test
    void dutyNumbersAreInNoLogLineAndNoBusMessage() throws Exception {
        h = new EscalationHarness(dir, Duration.ofSeconds(2), 1, List.of(AZIZ, BIBI, CYRUS));
        h.ami.declines(channel(AZIZ));
        h.need(CALL, Kind.WAITING_EMERGENCY);
        h.ami.press(h.pagedLeg(BIBI), '9');
        h.awaitState(CALL, "exhausted");

        // They did go to Asterisk, where they must.
        assertThat(String.join("", h.ami.actionsReceived())).contains(AZIZ.phone(), BIBI.phone(), CYRUS.phone());
        for (DutyPerson person : List.of(AZIZ, BIBI, CYRUS)) {
            String digits = person.phone().substring(1);
            assertThat(h.allLogs()).isNotEmpty().doesNotContain(digits).doesNotContain(digits.substring(4));
            assertThat(String.join("\n", h.shownRaw)).doesNotContain(digits.substring(4));
        }
    }
}
