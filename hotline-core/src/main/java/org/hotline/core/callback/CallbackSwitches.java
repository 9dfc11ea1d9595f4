package org.hotline.core.callback;

import static org.hotline.core.db.Tables.CALLBACK_SWITCHES;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The managers' callback switch per caller language, stored in {@code callback_switches}: the IVR reads it, the
 * manager screen writes it (with its audit row, in the caller's transaction). Blocking: worker or virtual threads.
 */
public final class CallbackSwitches {
    private final DSLContext dsl;

    public CallbackSwitches(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The stored decisions, language code to on/off; a language without a row is not in the map. */
    public Map<String, Boolean> load() {
        return dsl.select(CALLBACK_SWITCHES.LANGUAGE, CALLBACK_SWITCHES.ENABLED).from(CALLBACK_SWITCHES)
                .fetch().stream().collect(Collectors.toUnmodifiableMap(r -> r.value1(), r -> r.value2()));
    }

    /** Stores one language's decision; run it inside the transaction that writes its audit row. */
    public static void set(DSLContext tx, String languageCode, boolean enabled, String managerId, Instant at) {
        int updated = tx.update(CALLBACK_SWITCHES).set(CALLBACK_SWITCHES.ENABLED, enabled)
                .set(CALLBACK_SWITCHES.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(CALLBACK_SWITCHES.UPDATED_BY, managerId)
                .where(CALLBACK_SWITCHES.LANGUAGE.eq(languageCode)).execute();
        if (updated == 0) {
            tx.insertInto(CALLBACK_SWITCHES).set(CALLBACK_SWITCHES.LANGUAGE, languageCode)
                    .set(CALLBACK_SWITCHES.ENABLED, enabled)
                    .set(CALLBACK_SWITCHES.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(CALLBACK_SWITCHES.UPDATED_BY, managerId).execute();
        }
    }
}
