package org.hotline.agi.pseudonym;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a raw caller id into a {@link CallerPseudonym} at the edge: the number is normalised to E.164 (local
 * forms resolved with the trunk's country), then keyed with HMAC-SHA-256 under the current pseudonym key, and under
 * every other live key too (during a rotation's overlap), so a repeat caller still links to calls made under the
 * key before. The raw value goes no further than this class, and nothing here logs.
 */
public final class Pseudonymizer {
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<String> WITHHELD = Set.of("", "unknown", "anonymous", "private", "restricted",
            "withheld", "unavailable", "asterisk");
    private static final int MAX_DIGITS = 20;

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    /** The live keys by id, current first; replaced whole by {@link #use} when a key is rotated or destroyed. */
    private volatile Map<Integer, SecretKeySpec> keys;

    /** With the original key alone (key id 1). */
    public Pseudonymizer(byte[] key) {
        this(Map.of(PseudonymKeys.ORIGINAL, key));
    }

    /** With the live keys by id, current first. */
    public Pseudonymizer(Map<Integer, byte[]> liveKeys) {
        use(liveKeys);
    }

    /** Switches to another set of live keys, current first (after a rotation or a destruction). */
    public void use(Map<Integer, byte[]> liveKeys) {
        if (liveKeys.isEmpty()) {
            throw new IllegalArgumentException("no pseudonym key");
        }
        Map<Integer, SecretKeySpec> specs = new LinkedHashMap<>();
        liveKeys.forEach((id, key) -> {
            if (key.length < 32) {
                throw new IllegalArgumentException("the pseudonym key must be at least 256 bits");
            }
            specs.put(id, new SecretKeySpec(key.clone(), ALGORITHM));
        });
        this.keys = java.util.Collections.unmodifiableMap(specs);
    }

    /**
     * @param rawCallerId  agi_callerid as Asterisk sent it (attacker-controlled: may hold anything)
     * @param trunkCountry ISO country of the trunk, for numbers without an international prefix
     */
    public CallerPseudonym pseudonymize(String rawCallerId, String trunkCountry) {
        String cleaned = clean(rawCallerId);
        if (cleaned == null) {
            return CallerPseudonym.NONE;
        }
        String identifier;
        String country;
        try {
            PhoneNumber number = phoneNumbers.parse(cleaned, trunkCountry);
            identifier = phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            String region = phoneNumbers.getRegionCodeForNumber(number);
            country = region == null || "ZZ".equals(region) || "001".equals(region) ? null : region;
        } catch (NumberParseException e) {
            // Not a number libphonenumber understands, yet still a stable identifier worth linking repeat calls.
            identifier = "unparsed:" + cleaned;
            country = null;
        }
        Map<Integer, SecretKeySpec> live = keys;
        String current = null;
        List<String> others = new ArrayList<>();
        for (Map.Entry<Integer, SecretKeySpec> key : live.entrySet()) {
            String pseudonym = PseudonymKeys.stored(key.getKey(), hmac(key.getValue(), identifier));
            if (current == null) {
                current = pseudonym;
            } else {
                others.add(pseudonym);
            }
        }
        return new CallerPseudonym(current, country, List.copyOf(others));
    }

    /**
     * The caller's number in E.164 form, for the one place it may be kept (an accepted callback, encrypted at once);
     * empty when withheld, absurd or not a number libphonenumber can dial. Nothing here logs it.
     */
    public static java.util.Optional<String> dialable(String rawCallerId, String trunkCountry) {
        String cleaned = clean(rawCallerId);
        if (cleaned == null) {
            return java.util.Optional.empty();
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            PhoneNumber number = util.parse(cleaned, trunkCountry);
            return util.isPossibleNumber(number)
                    ? java.util.Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : java.util.Optional.empty();
        } catch (NumberParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** Digits with an optional leading '+', or null when withheld, empty or absurd. */
    private static String clean(String raw) {
        if (raw == null || WITHHELD.contains(raw.trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        String trimmed = raw.trim();
        if (trimmed.startsWith("+")) {
            digits.append('+');
        }
        trimmed.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        int count = digits.length() - (digits.indexOf("+") == 0 ? 1 : 0);
        if (count < 3 || count > MAX_DIGITS) {
            return null;
        }
        return digits.toString();
    }

    private static String hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
