package org.hotline.agi.pseudonym;

import java.util.List;

/**
 * What survives of a caller's number: a keyed pseudonym and the country of its dialling code. Both are null
 * when the number was withheld or unusable.
 *
 * @param pseudonym        hex HMAC-SHA-256 of the E.164 number under the current key (prefixed {@code k<id>:} for
 *                         a key after the original), or null
 * @param country          ISO 3166 alpha-2 country of the dialling code, or null
 * @param underOtherKeys   the same caller's pseudonyms under the other live keys (during a rotation's overlap), so
 *                         earlier calls made under an older key still link; empty outside an overlap
 */
public record CallerPseudonym(String pseudonym, String country, List<String> underOtherKeys) {
    public static final CallerPseudonym NONE = new CallerPseudonym(null, null, List.of());
}
