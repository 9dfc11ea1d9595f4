package org.hotline.core.call;

import java.time.Instant;
import java.util.List;

/**
 * A call as the IVR first records it. There is deliberately no field for a caller number or name.
 *
 * @param callId           our id for the call
 * @param asteriskUniqueId Asterisk's unique id of the channel, the natural key that makes a retry idempotent
 * @param dialledNumber    the hotline number or trunk the call came in on
 * @param pseudonym        HMAC pseudonym of the caller's E.164 number under the current key, or null when withheld
 * @param country          ISO country of the caller's dialling code, or null
 * @param enteredAt        when the IVR took the call
 * @param otherKeys        the caller's pseudonyms under the other live keys (a rotation's overlap), else empty
 */
public record NewCall(String callId, String asteriskUniqueId, String dialledNumber, String pseudonym, String country,
                      Instant enteredAt, List<String> otherKeys) {
    public NewCall {
        otherKeys = otherKeys == null ? List.of() : List.copyOf(otherKeys);
    }

    /** A call pseudonymized under one key only (no rotation in its overlap). */
    public NewCall(String callId, String asteriskUniqueId, String dialledNumber, String pseudonym, String country,
                   Instant enteredAt) {
        this(callId, asteriskUniqueId, dialledNumber, pseudonym, country, enteredAt, List.of());
    }
}
