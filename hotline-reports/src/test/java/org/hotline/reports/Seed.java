package org.hotline.reports;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.operator.OperatorStateHistory;
import org.jooq.DSLContext;

/** Writes known calls, operator states, tips and referrals straight into the real schema, at local times. */
final class Seed {
    static final ZoneId KABUL = ZoneId.of("Asia/Kabul");
    private static final AtomicLong UNIQUE = new AtomicLong();

    private final DSLContext dsl;

    Seed(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KABUL).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    String operator(String username, String displayName, String role) {
        String id = UUID.randomUUID().toString();
        dsl.insertInto(OPERATORS).set(OPERATORS.ID, id).set(OPERATORS.USERNAME, username)
                .set(OPERATORS.DISPLAY_NAME, displayName).set(OPERATORS.ROLE, role).set(OPERATORS.LANGUAGES, "prs,ps")
                .set(OPERATORS.INTERPRETER, false).set(OPERATORS.PASSWORD_HASH, "x").set(OPERATORS.ENABLED, true)
                .set(OPERATORS.CREATED_AT, utc(Instant.parse("2020-01-01T00:00:00Z"))).execute();
        return id;
    }

    void state(String operatorId, String state, String localTime) {
        dsl.transaction(tx -> OperatorStateHistory.record(tx.dsl(), operatorId, state, local(localTime), null, null));
    }

    Call call(String localEntered) {
        return new Call(local(localEntered));
    }

    /** One call: entered at a local time, queued a second later unless it ends in the menu. */
    final class Call {
        private final Instant entered;
        private String language;
        private String outcome;
        private Double waitSeconds;
        private Integer talk;
        private String operatorId;
        private String voicemailRef;
        private boolean queued = true;
        private String pseudonym = "PSEUDONYM-" + UNIQUE.incrementAndGet();

        Call(Instant entered) {
            this.entered = entered;
        }

        Call language(String code) {
            this.language = code;
            return this;
        }

        Call answered(double wait, Integer talkSeconds, String operator) {
            outcome = CallOutcome.ANSWERED.code();
            waitSeconds = wait;
            talk = talkSeconds;
            operatorId = operator;
            return this;
        }

        Call abandonedInQueue(double wait) {
            outcome = CallOutcome.ABANDONED_IN_QUEUE.code();
            waitSeconds = wait;
            return this;
        }

        Call abandonedInMenu() {
            outcome = CallOutcome.ABANDONED_IN_MENU.code();
            queued = false;
            return this;
        }

        Call outcome(CallOutcome other, boolean wasQueued) {
            outcome = other.code();
            queued = wasQueued;
            return this;
        }

        Call inProgress() {
            outcome = null;
            return this;
        }

        Call voicemail(String reference) {
            outcome = CallOutcome.VOICEMAIL.code();
            voicemailRef = reference;
            return this;
        }

        String insert() {
            String id = UUID.randomUUID().toString();
            Instant queuedAt = entered.plusSeconds(1);
            long waitMs = waitSeconds == null ? 0 : Math.round(waitSeconds * 1000);
            Instant handedOff = CallOutcome.ANSWERED.code().equals(outcome) ? queuedAt.plusMillis(waitMs) : null;
            Instant ended = outcome == null ? null
                    : handedOff != null ? handedOff.plusSeconds(talk == null ? 30 : talk)
                    : queued ? queuedAt.plusMillis(waitMs) : entered.plusSeconds(3);
            dsl.insertInto(CALLS).set(CALLS.ID, id).set(CALLS.ASTERISK_UNIQUE_ID, "ast-" + UNIQUE.incrementAndGet())
                    .set(CALLS.ENTERED_AT, utc(entered)).set(CALLS.LANGUAGE_CODE, language)
                    .set(CALLS.CALLER_PSEUDONYM, pseudonym).set(CALLS.CALLER_COUNTRY, "AF")
                    .set(CALLS.STEP, outcome == null ? CallStep.QUEUED.code() : CallStep.ENDED.code())
                    .set(CALLS.QUEUED_AT, queued ? utc(queuedAt) : null)
                    .set(CALLS.OUTCOME, outcome).set(CALLS.HANDED_OFF_AT, handedOff == null ? null : utc(handedOff))
                    .set(CALLS.TALK_SECONDS, talk).set(CALLS.OPERATOR_ID, operatorId)
                    .set(CALLS.VOICEMAIL_REF, voicemailRef)
                    .set(CALLS.ENDED_AT, ended == null ? null : utc(ended)).execute();
            step(id, CallStep.ENTERED, entered);
            if (queued) {
                step(id, CallStep.QUEUED, queuedAt);
            }
            if (handedOff != null) {
                step(id, CallStep.HANDED_OFF, handedOff);
            }
            if (ended != null) {
                step(id, CallStep.ENDED, ended);
            }
            return id;
        }

        private void step(String id, CallStep step, Instant at) {
            dsl.insertInto(CALL_STEPS).set(CALL_STEPS.CALL_ID, id).set(CALL_STEPS.STEP, step.code())
                    .set(CALL_STEPS.OCCURRED_AT, utc(at)).execute();
        }
    }

    /** A tip with the given coded fields (column name to code) and a summary that must never reach a report. */
    String tip(String localCreated, String operatorId, Map<String, Object> fields) {
        String id = UUID.randomUUID().toString();
        var insert = dsl.insertInto(TIPS).set(TIPS.ID, id).set(TIPS.OPERATOR_ID, operatorId)
                .set(TIPS.CREATED_AT, utc(local(localCreated)))
                .set(TIPS.CONTACT_TYPE, (String) fields.getOrDefault("contact_type", "substantive"))
                .set(TIPS.SIGNAL_TYPE, (String) fields.get("signal_type"))
                .set(TIPS.TRAFFICKING_TYPE, (String) fields.get("trafficking_type"))
                .set(TIPS.EXPLOITATION_FORM, (String) fields.get("exploitation_form"))
                .set(TIPS.COUNTRY, (String) fields.get("country")).set(TIPS.REGION, (String) fields.get("region"))
                .set(TIPS.CROSS_BORDER, (Boolean) fields.getOrDefault("cross_border", false))
                .set(TIPS.IMMINENT_DANGER, false)
                .set(TIPS.SUMMARY, "SECRET-SUMMARY-TEXT of tip " + id);
        insert.execute();
        return id;
    }

    /** A referral made at a local time, then moved through {@code changes} (status, local time) in order. */
    String referral(String tipId, String partnerId, String service, boolean crossBorder, String localCreated,
                    String changedBy, String... changes) {
        String id = UUID.randomUUID().toString();
        Instant created = local(localCreated);
        String status = "proposed";
        Instant changedAt = created;
        for (int i = 0; i < changes.length; i += 2) {
            status = changes[i];
            changedAt = local(changes[i + 1]);
        }
        dsl.insertInto(REFERRALS).set(REFERRALS.ID, id).set(REFERRALS.TIP_ID, tipId)
                .set(REFERRALS.PARTNER_ID, partnerId).set(REFERRALS.SERVICE, service).set(REFERRALS.CONSENT, true)
                .set(REFERRALS.POSITION_IN_TIP, (int) UNIQUE.incrementAndGet())
                .set(REFERRALS.CROSS_BORDER, crossBorder).set(REFERRALS.STATUS, status)
                .set(REFERRALS.CREATED_AT, utc(created)).set(REFERRALS.STATUS_CHANGED_AT, utc(changedAt)).execute();
        history(id, null, "proposed", created, changedBy);
        String from = "proposed";
        for (int i = 0; i < changes.length; i += 2) {
            history(id, from, changes[i], local(changes[i + 1]), changedBy);
            from = changes[i];
        }
        return id;
    }

    private void history(String referralId, String from, String to, Instant at, String by) {
        dsl.insertInto(REFERRAL_STATUS_CHANGES).set(REFERRAL_STATUS_CHANGES.REFERRAL_ID, referralId)
                .set(REFERRAL_STATUS_CHANGES.FROM_STATUS, from).set(REFERRAL_STATUS_CHANGES.TO_STATUS, to)
                .set(REFERRAL_STATUS_CHANGES.CHANGED_AT, utc(at)).set(REFERRAL_STATUS_CHANGES.CHANGED_BY, by).execute();
    }
}
