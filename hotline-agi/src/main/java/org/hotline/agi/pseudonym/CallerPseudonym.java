package org.hotline.agi.pseudonym;

/**
 * What survives of a caller's number: a keyed pseudonym and the country of its dialling code. Both are null
 * when the number was withheld or unusable.
 *
 * @param pseudonym hex HMAC-SHA-256 of the E.164 number, or null
 * @param country   ISO 3166 alpha-2 country of the dialling code, or null
 */
public record CallerPseudonym(String pseudonym, String country) {
    public static final CallerPseudonym NONE = new CallerPseudonym(null, null);
}
