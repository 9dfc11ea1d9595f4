package org.hotline.callcontrol;

import java.time.Instant;
import java.util.List;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.EscalationStatus;

/**
 * One escalation: the duty list it pages (as it was when the escalation started, so an edit meanwhile cannot
 * shift who is next), and where it is. Mutable, owned by {@link EscalationDesk} on one event loop.
 */
final class Escalation {
    enum State {
        PAGING, ACKNOWLEDGED, EXHAUSTED,
        /** An operator took the call before anyone pressed 1. */
        STOPPED,
        /** The caller hung up before anyone pressed 1. */
        CALLER_GONE;

        /** The stored and published form: {@code caller-gone}. */
        String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    final String id;
    final String callId;
    final EscalationNeeded.Kind kind;
    final String language;
    final Instant since;
    final Instant startedAt;
    final List<DutyPerson> duty;
    State state = State.PAGING;
    int round = 1;
    int position;
    /** The uniqueid of the duty phone's call now placed, or null. */
    String channelId;
    /** The page for channelId never reached Asterisk (AMI down or silent): nobody was dialled. */
    boolean unsent;
    DutyPerson acknowledgedBy;
    Instant acknowledgedAt;
    Instant endedAt;

    Escalation(String id, String callId, EscalationNeeded.Kind kind, String language, Instant since,
               Instant startedAt, List<DutyPerson> duty) {
        this.id = id;
        this.callId = callId;
        this.kind = kind;
        this.language = language;
        this.since = since;
        this.startedAt = startedAt;
        this.duty = List.copyOf(duty);
    }

    DutyPerson paged() {
        return state == State.PAGING && position < duty.size() ? duty.get(position) : null;
    }

    /**
     * For an emergency voice message: the recording's name without its extension. The IVR's VoicemailRecorder
     * names it by the call id ({@code <callId>.wav} in the voicemail directory), so a restarted escalation knows it
     * from the call id alone.
     */
    String message() {
        return kind == EscalationNeeded.Kind.EMERGENCY_VOICEMAIL ? callId : null;
    }

    /** The call's ConfBridge room, where the duty person who acknowledges is put. */
    String room() {
        return LiveCall.ROOM_PREFIX + callId;
    }

    /** What is stored: a copy, so a later change cannot reach a write still queued. */
    Row row() {
        return new Row(id, callId, kind, language, since, startedAt, state, round, position, channelId,
                acknowledgedBy == null ? null : acknowledgedBy.id(), acknowledgedAt, endedAt);
    }

    /** The escalations row. */
    record Row(String id, String callId, EscalationNeeded.Kind kind, String language, Instant since,
               Instant startedAt, State state, int round, int position, String channelId, String acknowledgedBy,
               Instant acknowledgedAt, Instant endedAt) {
    }

    /** A stored escalation, paging again with the duty list as it is now. */
    static Escalation of(Row row, List<DutyPerson> duty) {
        Escalation escalation = new Escalation(row.id(), row.callId(), row.kind(), row.language(), row.since(),
                row.startedAt(), duty);
        escalation.state = row.state();
        escalation.round = row.round();
        escalation.position = Math.min(row.position(), duty.size());
        escalation.channelId = row.channelId();
        return escalation;
    }

    EscalationStatus status() {
        DutyPerson now = paged();
        return new EscalationStatus(id, callId, kind, language, state.code(),
                round, now == null ? null : now.name(), acknowledgedBy == null ? null : acknowledgedBy.name(),
                startedAt, acknowledgedAt);
    }
}
