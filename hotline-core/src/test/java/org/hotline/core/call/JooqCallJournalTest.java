package org.hotline.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.core.db.Tables.CALLS;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.NotYetStored;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call journal on real H2 and real PostgreSQL, with the real migrations and the same jOOQ code. */
abstract class JooqCallJournalTest {
    @TempDir
    Path dataDir;
    Database database;
    CallJournal journal;
    Instant t0 = Instant.parse("2026-11-28T08:00:00Z");

    abstract Engine engine();

    @BeforeEach
    void open() {
        database = TestDatabases.open(engine(), dataDir);
        journal = new JooqCallJournal(database.dsl());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void recordsOfACallWhoseEntryIsNotStoredYetAskToWait() {
        String later = "0b7f8c1e-2a4d-4c3b-9e5f-6a7b8c9d0e1f";
        assertThatThrownBy(() -> journal.offered(later, t0)).isInstanceOf(NotYetStored.class);
        assertThatThrownBy(() -> journal.assigned(later, "operator-1")).isInstanceOf(NotYetStored.class);
        assertThatThrownBy(() -> journal.ended(new CallEnd("1764332400.9", later, "ANSWER", 30, t0)))
                .isInstanceOf(NotYetStored.class);
        // A channel the IVR never named: nothing to wait for.
        journal.ended(new CallEnd("1764332400.9", null, "ANSWER", 30, t0));

        String id = journal.enter(newCall("1764332400.2"));
        journal.step(id, CallStep.QUEUED, t0.plusSeconds(5));
        journal.offered(id, t0.plusSeconds(6));
        assertThat(journal.steps(id)).containsExactly(CallStep.ENTERED, CallStep.QUEUED, CallStep.OFFERED);
    }

    @Test
    void aCallClosedAsFailedAtARestartThatAsteriskReportsAnsweredIsAnswered() {
        String handedOver = journal.enter(newCall("1764332400.3"));
        String menuOnly = journal.enter(newCall("1764332400.4"));
        assertThat(journal.closeInterrupted(t0.plusSeconds(60), t0.plusSeconds(60))).isEqualTo(2);

        journal.ended(new CallEnd("1764332400.3", handedOver, "ANSWER", 42, t0.plusSeconds(90)));
        journal.ended(new CallEnd("1764332400.4", menuOnly, "", null, t0.plusSeconds(90)));

        assertThat(journal.find(handedOver).orElseThrow().outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(journal.find(menuOnly).orElseThrow().outcome()).isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void enteringTheSameChannelTwiceKeepsOneCall() {
        String first = journal.enter(newCall("1764332400.1"));
        String second = journal.enter(newCall("1764332400.1"));
        assertThat(second).isEqualTo(first);
        assertThat(journal.steps(first)).containsExactly(CallStep.ENTERED);
    }

    @Test
    void twoScriptsEnteringOneChannelAtOnceAgreeOnOneCall() throws Exception {
        for (int i = 0; i < 100; i++) {
            String channel = "1764332500." + i;
            var go = new java.util.concurrent.CountDownLatch(1);
            Callable<String> enter = () -> {
                go.await();
                return journal.enter(newCall(channel));
            };
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var a = threads.submit(enter);
                var b = threads.submit(enter);
                go.countDown();
                assertThat(a.get()).isEqualTo(b.get());
            }
        }
        assertThat(database.dsl().fetchCount(org.hotline.core.db.Tables.CALLS)).isEqualTo(100);
    }

    @Test
    void theFirstOutcomeWins() {
        String id = journal.enter(newCall("1764332400.2"));
        assertThat(journal.outcome(id, CallOutcome.VOICEMAIL, CallStep.VOICEMAIL, t0)).isTrue();
        assertThat(journal.outcome(id, CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, t0)).isFalse();
        assertThat(journal.find(id).orElseThrow().outcome()).isEqualTo(CallOutcome.VOICEMAIL);
    }

    @Test
    void theHangupHandlerDecidesAnsweredOrAbandonedAfterAHandOff() {
        String answered = journal.enter(newCall("1764332400.3"));
        journal.handedOff(answered, "PJSIP/1001", t0);
        journal.ended(new CallEnd("1764332400.3", answered, "ANSWER", 120, t0.plusSeconds(130)));
        String cancelled = journal.enter(newCall("1764332400.4"));
        journal.handedOff(cancelled, "PJSIP/1001", t0);
        journal.ended(new CallEnd("1764332400.4", null, "CANCEL", null, t0.plusSeconds(5)));

        assertThat(journal.find(answered).orElseThrow()).satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(c.talkSeconds()).isEqualTo(120);
            assertThat(c.step()).isEqualTo(CallStep.ENDED);
        });
        assertThat(journal.find(cancelled).orElseThrow().outcome()).isEqualTo(CallOutcome.ABANDONED_IN_QUEUE);
    }

    @Test
    void aSecondEndReportChangesNothing() {
        String id = journal.enter(newCall("1764332400.5"));
        journal.handedOff(id, "PJSIP/1001", t0);
        journal.ended(new CallEnd("1764332400.5", id, "ANSWER", 10, t0));
        journal.ended(new CallEnd("1764332400.5", id, "NOANSWER", 0, t0));
        assertThat(journal.find(id).orElseThrow().talkSeconds()).isEqualTo(10);
        assertThat(journal.steps(id)).filteredOn(s -> s == CallStep.ENDED).hasSize(1);
    }

    @Test
    void callsLeftInTheIvrByAKilledServerAreClosedAsFailedAtTheirStep() {
        String inMenu = journal.enter(newCall("1764332400.6"));
        journal.languageChosen(inMenu, Language.URDU, t0);
        String handedOff = journal.enter(newCall("1764332400.7"));
        journal.handedOff(handedOff, "PJSIP/1001", t0);
        String finished = journal.enter(newCall("1764332400.8"));
        journal.outcome(finished, CallOutcome.CLOSED, CallStep.PURPOSE_CHOSEN, t0);

        assertThat(journal.closeInterrupted(t0.plusSeconds(60), t0.plusSeconds(60))).isEqualTo(1);
        assertThat(journal.find(inMenu).orElseThrow()).satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(c.outcomeStep()).isEqualTo(CallStep.LANGUAGE_CHOSEN);
        });
        assertThat(journal.find(handedOff).orElseThrow().outcome()).isNull();
        assertThat(journal.find(finished).orElseThrow().outcome()).isEqualTo(CallOutcome.CLOSED);
    }

    @Test
    void earlierCallsCountsOnlyThatCallersEarlierCalls() {
        String caller = "cd".repeat(32);
        for (int i = 0; i < 3; i++) {
            journal.enter(new NewCall(UUID.randomUUID().toString(), "1764332600." + i, "1098", caller, "AF",
                    t0.plusSeconds(i)));
        }
        journal.enter(newCall("1764332600.9"));
        assertThat(journal.earlierCalls(caller, t0.plusSeconds(2))).isEqualTo(2);
        assertThat(journal.earlierCalls(caller, t0)).isZero();
        assertThat(journal.earlierCalls("ef".repeat(32), t0.plusSeconds(9))).isZero();
    }

    @Test
    void earlierCallsOfACallInARotationsOverlapCountTheCallerUnderEveryLiveKey() {
        String underOriginal = "cd".repeat(32);
        String underK2 = "k2:" + "ab".repeat(32);
        journal.enter(new NewCall("before", "1764332700.1", "1098", underOriginal, "AF", t0));
        journal.enter(new NewCall("after", "1764332700.2", "1098", underK2, "AF", t0.plusSeconds(1),
                List.of(underOriginal)));
        journal.enter(new NewCall("later", "1764332700.3", "1098", underK2, "AF", t0.plusSeconds(2)));
        journal.enter(new NewCall("stranger", "1764332700.4", "1098", "k2:" + "ef".repeat(32), "AF",
                t0.plusSeconds(3), List.of("ef".repeat(32))));

        assertThat(journal.earlierCallsOf("after")).as("the call under the key before").isEqualTo(1);
        assertThat(journal.earlierCallsOf("later")).as("only the new key: the old key's call is out of reach")
                .isEqualTo(1);
        assertThat(journal.earlierCallsOf("before")).isZero();
        assertThat(journal.earlierCallsOf("stranger")).isZero();
        assertThat(journal.earlierCallsOf("no-such-call")).isZero();
    }

    @Test
    void aRestartingClusterNodeClosesOnlyItsOwnInterruptedCalls() {
        CallJournal nodeA = new JooqCallJournal(database.dsl(), "10.0.0.1:5701");
        CallJournal nodeB = new JooqCallJournal(database.dsl(), "10.0.0.2:5701");
        String onA = nodeA.enter(newCall("1764332600.1"));
        String onB = nodeB.enter(newCall("1764332600.2"));

        assertThat(nodeA.closeInterrupted(t0.plusSeconds(60), t0.plusSeconds(60))).isEqualTo(1);
        assertThat(journal.find(onA).orElseThrow().outcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(journal.find(onB).orElseThrow().outcome()).isNull();

        // Node B died and left the cluster: the routing owner closes its calls by name.
        assertThat(nodeA.closeInterruptedOf("10.0.0.2:5701", t0.plusSeconds(60), t0.plusSeconds(60))).isEqualTo(1);
        assertThat(journal.find(onB).orElseThrow().outcome()).isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void aNewRoutingOwnerFindsTheCallsWaitingOnLiveNodes() {
        CallJournal live = new JooqCallJournal(database.dsl(), "10.0.0.1:5701");
        CallJournal dead = new JooqCallJournal(database.dsl(), "10.0.0.2:5701");
        String waiting = live.enter(newCall("1764332700.1"));
        live.languageChosen(waiting, Language.URDU, t0);
        live.purposeChosen(waiting, Purpose.DANGER, t0);
        live.step(waiting, CallStep.QUEUED, t0.plusSeconds(5));
        String handedOff = live.enter(newCall("1764332700.2"));
        live.languageChosen(handedOff, Language.DARI, t0);
        live.purposeChosen(handedOff, Purpose.REPORT, t0);
        live.step(handedOff, CallStep.QUEUED, t0.plusSeconds(5));
        live.handedOff(handedOff, "PJSIP/1001", t0.plusSeconds(9));
        String elsewhere = dead.enter(newCall("1764332700.3"));
        dead.languageChosen(elsewhere, Language.DARI, t0);
        dead.purposeChosen(elsewhere, Purpose.REPORT, t0);
        dead.step(elsewhere, CallStep.QUEUED, t0.plusSeconds(5));

        var found = journal.waitingOn(java.util.Set.of("10.0.0.1:5701"), t0);
        assertThat(found).singleElement().satisfies(intake -> {
            assertThat(intake.callId()).isEqualTo(waiting);
            assertThat(intake.language()).isEqualTo(Language.URDU);
            assertThat(intake.priority()).isEqualTo(Purpose.DANGER.priority());
            assertThat(intake.steps()).containsEntry(CallStep.QUEUED, t0.plusSeconds(5));
        });
        assertThat(journal.waitingOn(java.util.Set.of("10.0.0.1:5701"), t0.plusSeconds(6))).isEmpty();
    }

    @Test
    void theCallKeepsWhenItWasFirstQueued() {
        String id = journal.enter(newCall("1764332400.9"));
        journal.step(id, CallStep.QUEUED, t0.plusMillis(8_250));
        journal.step(id, CallStep.OFFERED, t0.plusSeconds(20));
        journal.step(id, CallStep.QUEUED, t0.plusSeconds(40));
        assertThat(database.dsl().select(CALLS.QUEUED_AT).from(CALLS).where(CALLS.ID.eq(id)).fetchSingle()
                .value1().toInstant()).isEqualTo(t0.plusMillis(8_250));
        assertThat(journal.steps(id)).containsExactly(CallStep.ENTERED, CallStep.QUEUED, CallStep.OFFERED,
                CallStep.QUEUED);
    }

    private NewCall newCall(String uniqueId) {
        return new NewCall(UUID.randomUUID().toString(), uniqueId, "1098", "ab".repeat(32), "AF", t0);
    }
}
