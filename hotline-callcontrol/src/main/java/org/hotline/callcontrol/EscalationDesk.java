package org.hotline.callcontrol;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.EscalationStatus;

/**
 * On-call escalation's decisions, without I/O (like routing's Floor): who to page next, when to give up on a page,
 * when an escalation is over. Each decision returns {@link Step}s that {@link EscalationRunner} carries out.
 *
 * <p>Paging: the duty list in order, each phone dialled once; a page ends when the person presses 1 (their leg
 * joins the call's room: acknowledged), when the trunk refuses or the phone declines or rings out (OriginateResponse
 * failure: next at once), when they hang up without pressing 1 (next at once), or when the acknowledgement timeout
 * passes (their leg is hung up, next). After the last person the list starts again, up to {@code rounds} times.
 * The caller leaving ends it as caller-gone (not for a voice message, whose caller is meant to be gone), an operator
 * taking the call stops it. After a 1 for a waiting caller, the caller hanging up before reaching the room sends the
 * duty person a sentence instead of leaving them in an empty room.
 */
final class EscalationDesk {

    /** What the runner must do. */
    sealed interface Step {
        /** Dial the person's duty phone into {@code [hotline-oncall]}, with our uniqueid {@code channelId}. */
        record Page(Escalation escalation, DutyPerson person, String channelId) implements Step {
        }

        /** Hang up a duty phone's call (by our uniqueid); best effort. */
        record HangUp(String channelId) implements Step {
        }

        /** Come back with {@link #timedOut} after {@code after}, unless the page ended first. */
        record Wait(String escalationId, String channelId, Duration after) implements Step {
        }

        /** Store the escalation as it is now (so a restart resumes it). */
        record Save(Escalation.Row row) implements Step {
        }

        /** Tell the wallboard and routing. */
        record Show(EscalationStatus status) implements Step {
        }

        /**
         * The caller hung up after this duty person pressed 1 but before reaching them: take the duty person out
         * of the empty room to {@code [hotline-oncall] caller-gone} (a sentence, then Hangup); best effort.
         */
        record CallerGone(String channelId) implements Step {
        }

        /**
         * The caller reached the room after the duty person who pressed 1 had hung up: nobody is there for them, so
         * they go to {@code [hotline-callcontrol] fallback} (every operator rings), never left alone; best effort.
         */
        record ToFallback(String callId, String callerChannel) implements Step {
        }
    }

    private final Clock clock;
    private final Duration ackTimeout;
    private final int rounds;
    private final Supplier<String> ids;
    private final Map<String, Escalation> active = new LinkedHashMap<>();
    /**
     * Acknowledged escalations of a waiting caller whose caller has not reached the room yet: call id to the duty
     * person's uniqueid. Emptied when the caller joins, or leaves (the duty person is then told), or an operator
     * takes the call.
     */
    private final Map<String, String> awaitingCaller = new LinkedHashMap<>();
    /** Calls whose duty person hung up after pressing 1, before their caller arrived. */
    private final java.util.Set<String> dutyLeft = new java.util.HashSet<>();

    EscalationDesk(Clock clock, Duration ackTimeout, int rounds, Supplier<String> ids) {
        this.clock = clock;
        this.ackTimeout = ackTimeout;
        this.rounds = rounds;
        this.ids = ids;
    }

    /** Someone in danger is not answered: page the duty list, unless this call is already being escalated. */
    List<Step> needed(EscalationNeeded need, String escalationId, List<DutyPerson> duty) {
        if (active.values().stream().anyMatch(e -> e.callId.equals(need.callId()))) {
            return List.of();
        }
        Escalation escalation = new Escalation(escalationId, need.callId(), need.kind(), need.language(),
                need.since(), clock.instant(), duty);
        active.put(escalation.id, escalation);
        List<Step> steps = new ArrayList<>();
        if (duty.isEmpty()) {
            end(escalation, Escalation.State.EXHAUSTED, steps);
            return steps;
        }
        page(escalation, steps);
        return steps;
    }

    /** After a restart: an escalation that was paging pages its current person again (the old leg hung up). */
    List<Step> resumed(Escalation escalation) {
        active.put(escalation.id, escalation);
        List<Step> steps = new ArrayList<>();
        if (escalation.channelId != null) {
            steps.add(new Step.HangUp(escalation.channelId));
        }
        if (escalation.paged() == null) {
            end(escalation, Escalation.State.EXHAUSTED, steps);
        } else {
            page(escalation, steps);
        }
        return steps;
    }

    /** Whether this uniqueid is a duty phone's call we placed. */
    boolean owns(String channelId) {
        return channelId != null && active.values().stream().anyMatch(e -> channelId.equals(e.channelId));
    }

    /** OriginateResponse (or the Originate action itself failed): not answered means next at once. */
    List<Step> originated(String channelId, boolean answered) {
        Escalation escalation = pagedBy(channelId);
        if (escalation == null || answered) {
            return List.of();
        }
        return next(escalation);
    }

    /** The duty phone's leg hung up: without an acknowledgement, that page is over. */
    List<Step> hungUp(String channelId) {
        Escalation escalation = pagedBy(channelId);
        return escalation == null ? List.of() : next(escalation);
    }

    /**
     * The page could not be sent (AMI down, or Asterisk silent): nobody was dialled, so at its timeout the same
     * person is paged again rather than the list moving on. Our own link being down must not use up the rounds.
     */
    void notSent(String channelId) {
        Escalation escalation = pagedBy(channelId);
        if (escalation != null) {
            escalation.unsent = true;
        }
    }

    /** The ack timeout for that page passed; nothing if the page already ended. */
    List<Step> timedOut(String escalationId, String channelId) {
        Escalation escalation = active.get(escalationId);
        if (escalation == null || !channelId.equals(escalation.channelId)) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.HangUp(channelId));
        if (escalation.unsent) {
            page(escalation, steps);
        } else {
            steps.addAll(next(escalation));
        }
        return steps;
    }

    /** The duty person pressed 1: their leg entered the call's room. */
    List<Step> acknowledged(String channelId) {
        Escalation escalation = pagedBy(channelId);
        if (escalation == null) {
            return List.of();
        }
        escalation.acknowledgedBy = escalation.paged();
        escalation.acknowledgedAt = clock.instant();
        if (escalation.kind != EscalationNeeded.Kind.EMERGENCY_VOICEMAIL) {
            // Routing now brings the caller; until they arrive, their hanging up must reach the duty person.
            awaitingCaller.put(escalation.callId, channelId);
        }
        List<Step> steps = new ArrayList<>();
        end(escalation, Escalation.State.ACKNOWLEDGED, steps);
        return steps;
    }

    /** Whether this uniqueid is a duty person who pressed 1 and waits for their caller. */
    boolean awaits(String channelId) {
        return channelId != null && awaitingCaller.containsValue(channelId);
    }

    /** The duty person who pressed 1 hung up before their caller arrived. */
    void dutyHungUp(String channelId) {
        awaitingCaller.entrySet().removeIf(e -> {
            boolean gone = e.getValue().equals(channelId);
            if (gone) {
                dutyLeft.add(e.getKey());
            }
            return gone;
        });
    }

    /**
     * The caller entered their call's room: nothing is awaited any more. If the duty person who took the call has
     * hung up meanwhile, the room is empty, and the caller goes on to the operators.
     */
    List<Step> callerJoined(String callId, String callerChannel) {
        awaitingCaller.remove(callId);
        return dutyLeft.remove(callId) ? List.of(new Step.ToFallback(callId, callerChannel)) : List.of();
    }

    /**
     * The caller hung up or left the queue. A paging escalation for them ends as caller-gone (the ringing phone is
     * hung up); a duty person who already pressed 1 and waits for them is told. An emergency voice message is not
     * the caller's presence: its caller leaving is expected, and its paging goes on.
     */
    List<Step> callerLeft(String callId) {
        dutyLeft.remove(callId);
        List<Step> steps = new ArrayList<>();
        String waiting = awaitingCaller.remove(callId);
        if (waiting != null) {
            steps.add(new Step.CallerGone(waiting));
        }
        for (Escalation escalation : List.copyOf(active.values())) {
            if (escalation.callId.equals(callId) && escalation.kind != EscalationNeeded.Kind.EMERGENCY_VOICEMAIL) {
                if (escalation.channelId != null) {
                    steps.add(new Step.HangUp(escalation.channelId));
                }
                end(escalation, Escalation.State.CALLER_GONE, steps);
            }
        }
        return steps;
    }

    /** An operator took the call (joined its room): the escalation stops and the ringing phone is hung up. */
    List<Step> operatorTook(String callId) {
        // The caller comes with the operator, into the room the duty person may already be in.
        awaitingCaller.remove(callId);
        dutyLeft.remove(callId);
        List<Step> steps = new ArrayList<>();
        for (Escalation escalation : List.copyOf(active.values())) {
            if (escalation.callId.equals(callId)) {
                if (escalation.channelId != null) {
                    steps.add(new Step.HangUp(escalation.channelId));
                }
                end(escalation, Escalation.State.STOPPED, steps);
            }
        }
        return steps;
    }

    List<EscalationStatus> snapshot() {
        return active.values().stream().map(Escalation::status).toList();
    }

    private Escalation pagedBy(String channelId) {
        if (channelId == null) {
            return null;
        }
        return active.values().stream().filter(e -> channelId.equals(e.channelId)).findFirst().orElse(null);
    }

    private List<Step> next(Escalation escalation) {
        List<Step> steps = new ArrayList<>();
        escalation.channelId = null;
        escalation.position++;
        if (escalation.position >= escalation.duty.size()) {
            escalation.position = 0;
            escalation.round++;
        }
        if (escalation.round > rounds) {
            escalation.round = rounds;
            escalation.position = escalation.duty.size();
            end(escalation, Escalation.State.EXHAUSTED, steps);
        } else {
            page(escalation, steps);
        }
        return steps;
    }

    private void page(Escalation escalation, List<Step> steps) {
        String channelId = ids.get();
        escalation.channelId = channelId;
        escalation.unsent = false;
        steps.add(new Step.Save(escalation.row()));
        steps.add(new Step.Show(escalation.status()));
        steps.add(new Step.Page(escalation, escalation.paged(), channelId));
        steps.add(new Step.Wait(escalation.id, channelId, ackTimeout));
    }

    private void end(Escalation escalation, Escalation.State state, List<Step> steps) {
        escalation.state = state;
        escalation.channelId = null;
        escalation.endedAt = clock.instant();
        active.remove(escalation.id);
        steps.add(new Step.Save(escalation.row()));
        steps.add(new Step.Show(escalation.status()));
    }
}
