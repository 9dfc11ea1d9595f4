package org.hotline.bench;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.CALL_STEPS;
import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/**
 * Fills a database with a realistic day of calls for the reports benchmark: steps, operator states, tips (about a
 * third of answered calls) and referrals with their status history. Rows go in through jOOQ JDBC batches, one
 * transaction per chunk of calls.
 *
 * <p>Calls go in in the order they entered, and their ids are ordered the same way (as time-ordered UUIDs would
 * be), which is how the live journal fills the tables. Random ids and times made every insert land at a random
 * place in the id and time indexes, which slowed seeding a million calls to hours without changing anything the
 * reports read.
 */
final class ReportsSeeder {
    static final String[] LANGUAGES = {"prs", "prs", "prs", "ps", "ps", "tg", "tk", "uz", "ur"};
    static final String[] PARTNERS = {"af-hagar", "af-iom", "af-hctip", "pk-lhrla", "tj-femida", "tm-enme", "uz-isenim"};
    static final String[] SERVICES = {"psychosocial", "return-reintegration", "law-enforcement", "legal-aid",
            "legal-aid", "shelter", "shelter"};
    static final String[] SIGNALS = {"crisis", "tip", "tip", "help-request", "information-request", "out-of-scope"};
    static final String[] TYPES = {"labour", "labour", "sexual", "both", "other-exploitation"};
    static final String[] FORMS = {"forced-labour", "bonded-labour", "domestic-servitude", "forced-marriage",
            "commercial-sexual-exploitation", "forced-begging", "other"};
    static final String[] REGIONS = {"AF-KAB", "AF-HER", "AF-BAL", "AF-KAN", "AF-NAN", "unknown"};
    private static final int CHUNK = 5_000;

    private final DSLContext dsl;
    private final ZoneId zone;
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<String> operators = new ArrayList<>();
    private long unique;
    private long sequence;
    private boolean withSteps = true;
    /**
     * Operator states not yet written. Calls go to operators at random, so one operator's states are made out of
     * time order; they are written in time order instead, once no later call can make an earlier one, each with
     * its end (the same operator's next state), as the live history records them.
     */
    private final PriorityQueue<State> unwritten = new PriorityQueue<>(Comparator.comparing(State::at));
    /** Per operator, the latest state released, written once the next one gives its end. */
    private final Map<String, State> lasting = new HashMap<>();

    private record State(String operator, String state, Instant at, String callId) {
    }

    ReportsSeeder(DSLContext dsl, ZoneId zone) {
        this.dsl = dsl;
        this.zone = zone;
    }

    void operators(int count) {
        BatchBindStep batch = dsl.batch(dsl.insertInto(OPERATORS, OPERATORS.ID, OPERATORS.USERNAME,
                OPERATORS.DISPLAY_NAME, OPERATORS.ROLE, OPERATORS.LANGUAGES, OPERATORS.INTERPRETER,
                OPERATORS.PASSWORD_HASH, OPERATORS.ENABLED, OPERATORS.CREATED_AT).values((String) null, null, null,
                null, null, null, null, null, null));
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            operators.add(id);
            batch.bind(id, "op" + i, "Operator " + i, "operator", "prs,ps", false, "x", true,
                    OffsetDateTime.parse("2020-01-01T00:00:00Z"));
        }
        batch.execute();
    }

    /**
     * Seeds {@code calls} calls entered during the local {@code day}, spread evenly at random over it: the day is cut
     * into equal slices, one chunk of calls each, and each chunk's times are drawn in its slice and sorted.
     * Without steps, no {@code call_steps} rows are written: since {@code calls.queued_at} nothing the report or the
     * baseline reads comes from them, and they are half the rows of a day.
     */
    void day(LocalDate day, int calls, boolean withSteps) {
        this.withSteps = withSteps;
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long length = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - start;
        int chunks = (calls + CHUNK - 1) / CHUNK;
        for (int k = 0; k < chunks; k++) {
            long from = start + length * k / chunks;
            long to = start + length * (k + 1) / chunks;
            int n = (int) ((long) calls * (k + 1) / chunks - (long) calls * k / chunks);
            dsl.transaction(tx -> chunk(tx.dsl(), from, to, n));
        }
    }

    private void chunk(DSLContext db, long from, long to, int n) {
        long[] entered = new long[n];
        for (int i = 0; i < n; i++) {
            entered[i] = from + (long) (random.nextDouble() * (to - from));
        }
        Arrays.sort(entered);
        Batches b = new Batches(db);
        for (long at : entered) {
            call(b, Instant.ofEpochMilli(at));
        }
        // Later chunks' calls enter after this one's slice, and their states come later still.
        release(b, Instant.ofEpochMilli(to));
        b.execute();
    }

    /** Writes the states still held: call once, after the last day. */
    void finish() {
        dsl.transaction(tx -> {
            Batches b = new Batches(tx.dsl());
            release(b, Instant.MAX);
            lasting.values().forEach(state -> write(b, state, null));
            lasting.clear();
            b.execute();
        });
    }

    /** Writes, in time order, each state before {@code before} whose operator's next state is known. */
    private void release(Batches b, Instant before) {
        while (!unwritten.isEmpty() && unwritten.peek().at().isBefore(before)) {
            State next = unwritten.poll();
            State ended = lasting.put(next.operator(), next);
            if (ended != null) {
                write(b, ended, next.at());
            }
        }
    }

    private static void write(Batches b, State state, Instant end) {
        b.states.bind(state.operator(), state.state(), utc(state.at()), end == null ? null : utc(end), state.callId());
    }

    /** A UUID whose text sorts in the order ids are made (version 7 layout, a counter in place of the clock). */
    private String nextId() {
        long msb = (++sequence << 16) | 0x7000L | (random.nextInt() & 0x0fff);
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private void call(Batches b, Instant entered) {
        String id = nextId();
        double roll = random.nextDouble();
        String language = roll < 0.08 ? null : LANGUAGES[random.nextInt(LANGUAGES.length)];
        String outcome = language == null ? "abandoned-in-menu"
                : roll < 0.70 ? "answered" : roll < 0.82 ? "abandoned-in-queue" : roll < 0.88 ? "voicemail"
                : roll < 0.93 ? "closed" : roll < 0.98 ? "fallback" : "failed";
        boolean queued = !outcome.equals("abandoned-in-menu") && !outcome.equals("closed")
                && !outcome.equals("fallback") && !outcome.equals("failed");
        Instant queuedAt = entered.plusMillis(8_000 + random.nextInt(20_000));
        long waitMs = (long) (-Math.log(1 - random.nextDouble()) * 30_000);
        String operator = null;
        Instant handedOff = null;
        Integer talk = null;
        Instant ended;
        if (outcome.equals("answered")) {
            operator = operators.get(random.nextInt(operators.size()));
            handedOff = queuedAt.plusMillis(waitMs);
            talk = 30 + random.nextInt(600);
            ended = handedOff.plusSeconds(talk);
            unwritten.add(new State(operator, "on-call", handedOff, id));
            unwritten.add(new State(operator, "wrap-up", ended, id));
            unwritten.add(new State(operator, "available", ended.plusSeconds(45), null));
        } else {
            ended = queued ? queuedAt.plusMillis(waitMs) : entered.plusSeconds(5 + random.nextInt(40));
        }
        b.calls.bind(id, "bench-" + (++unique), utc(entered), language, "P-" + unique, "AF", "ended",
                queued ? utc(queuedAt) : null, outcome, handedOff == null ? null : utc(handedOff), talk, operator,
                utc(ended));
        if (withSteps) {
            b.steps.bind(id, "entered", utc(entered));
            if (queued) {
                b.steps.bind(id, "queued", utc(queuedAt));
            }
            if (handedOff != null) {
                b.steps.bind(id, "handed-off", utc(handedOff));
            }
            b.steps.bind(id, "ended", utc(ended));
        }
        if (operator != null && random.nextDouble() < 0.35) {
            tip(b, id, operator, ended.plusSeconds(60));
        }
    }

    private void tip(Batches b, String callId, String operator, Instant at) {
        String id = nextId();
        boolean substantive = random.nextDouble() < 0.6;
        boolean crossBorder = substantive && random.nextDouble() < 0.2;
        b.tips.bind(id, operator, callId, utc(at), substantive ? "substantive" : "prank",
                substantive ? pick(SIGNALS) : null, substantive ? pick(TYPES) : null, substantive ? pick(FORMS) : null,
                substantive ? "AF" : null, substantive ? pick(REGIONS) : null, crossBorder, false,
                "free text that never reaches a report");
        if (substantive && random.nextDouble() < 0.3) {
            int p = random.nextInt(PARTNERS.length);
            String referral = nextId();
            String status = random.nextDouble() < 0.5 ? "proposed" : "sent";
            Instant changed = status.equals("sent") ? at.plusSeconds(3_600) : at;
            b.referrals.bind(referral, id, PARTNERS[p], SERVICES[p], true, crossBorder, status, utc(at),
                    utc(changed), 1);
            b.changes.bind(referral, null, "proposed", utc(at), operator);
            if (status.equals("sent")) {
                b.changes.bind(referral, "proposed", "sent", utc(changed), operator);
            }
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The batched inserts of one chunk, in foreign-key order. */
    private static final class Batches {
        final BatchBindStep calls;
        final BatchBindStep steps;
        final BatchBindStep states;
        final BatchBindStep tips;
        final BatchBindStep referrals;
        final BatchBindStep changes;

        Batches(DSLContext db) {
            calls = db.batch(db.insertInto(CALLS, CALLS.ID, CALLS.ASTERISK_UNIQUE_ID, CALLS.ENTERED_AT,
                    CALLS.LANGUAGE_CODE, CALLS.CALLER_PSEUDONYM, CALLS.CALLER_COUNTRY, CALLS.STEP, CALLS.QUEUED_AT,
                    CALLS.OUTCOME, CALLS.HANDED_OFF_AT, CALLS.TALK_SECONDS, CALLS.OPERATOR_ID, CALLS.ENDED_AT)
                    .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null));
            steps = db.batch(db.insertInto(CALL_STEPS, CALL_STEPS.CALL_ID, CALL_STEPS.STEP, CALL_STEPS.OCCURRED_AT)
                    .values((String) null, null, null));
            states = db.batch(db.insertInto(OPERATOR_STATES, OPERATOR_STATES.OPERATOR_ID, OPERATOR_STATES.STATE,
                    OPERATOR_STATES.CHANGED_AT, OPERATOR_STATES.ENDED_AT, OPERATOR_STATES.CALL_ID)
                    .values((String) null, null, null, null, null));
            tips = db.batch(db.insertInto(TIPS, TIPS.ID, TIPS.OPERATOR_ID, TIPS.CALL_ID, TIPS.CREATED_AT,
                    TIPS.CONTACT_TYPE, TIPS.SIGNAL_TYPE, TIPS.TRAFFICKING_TYPE, TIPS.EXPLOITATION_FORM, TIPS.COUNTRY,
                    TIPS.REGION, TIPS.CROSS_BORDER, TIPS.IMMINENT_DANGER, TIPS.SUMMARY)
                    .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null));
            referrals = db.batch(db.insertInto(REFERRALS, REFERRALS.ID, REFERRALS.TIP_ID, REFERRALS.PARTNER_ID,
                    REFERRALS.SERVICE, REFERRALS.CONSENT, REFERRALS.CROSS_BORDER, REFERRALS.STATUS,
                    REFERRALS.CREATED_AT, REFERRALS.STATUS_CHANGED_AT, REFERRALS.POSITION_IN_TIP)
                    .values((String) null, null, null, null, null, null, null, null, null, null));
            changes = db.batch(db.insertInto(REFERRAL_STATUS_CHANGES, REFERRAL_STATUS_CHANGES.REFERRAL_ID,
                    REFERRAL_STATUS_CHANGES.FROM_STATUS, REFERRAL_STATUS_CHANGES.TO_STATUS,
                    REFERRAL_STATUS_CHANGES.CHANGED_AT, REFERRAL_STATUS_CHANGES.CHANGED_BY)
                    .values((String) null, null, null, null, null));
        }

        void execute() {
            for (BatchBindStep batch : List.of(calls, steps, states, tips, referrals, changes)) {
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
        }
    }
}
