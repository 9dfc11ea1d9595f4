package org.hotline.acceptance.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A caller with a known number, as Asterisk reports it, and a caller-ID name; {@link #secrets()} is every form
 * the number could be written in (as sent, E.164 with and without the plus, national with its leading zero, the
 * national significant number, digits only, and the spaced international and national forms the phone-number
 * library the IVR uses would print) and the name with its telling parts.
 */
record Caller(String sent, String e164, String name, List<String> nameParts) {
    Set<String> secrets() {
        String national = e164.substring(3); // every caller here has a two-digit country code (+93, +92)
        Set<String> secrets = new LinkedHashSet<>(List.of(sent, sent.replaceAll("[^0-9]", ""), e164,
                e164.substring(1), "0" + national, national, name));
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = phones.parse(e164, null);
            secrets.add(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
            secrets.add(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not an E.164 number: " + e164, e);
        }
        secrets.addAll(nameParts);
        return secrets;
    }
}
