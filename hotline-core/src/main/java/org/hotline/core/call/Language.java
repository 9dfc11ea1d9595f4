package org.hotline.core.call;

import java.util.Arrays;
import java.util.Optional;

/** The six languages of the IVR, with their fixed menu keys. The key never changes; the order heard can. */
public enum Language {
    DARI("prs", '1', "Dari", "دری", true),
    PASHTO("ps", '2', "Pashto", "پښتو", true),
    TAJIK("tg", '3', "Tajik", "Тоҷикӣ", false),
    TURKMEN("tk", '4', "Turkmen", "Türkmen", false),
    UZBEK("uz", '5', "Uzbek", "Oʻzbek", false),
    URDU("ur", '6', "Urdu", "اردو", true);

    private final String code;
    private final char key;
    private final String englishName;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, char key, String englishName, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.key = key;
        this.englishName = englishName;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    /** The code used for channel language, sound directories and storage: prs, ps, tg, tk, uz, ur. */
    public String code() {
        return code;
    }

    /** The DTMF key that chooses this language in the menu. */
    public char key() {
        return key;
    }

    public String englishName() {
        return englishName;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public static Optional<Language> byKey(char key) {
        return Arrays.stream(values()).filter(l -> l.key == key).findFirst();
    }

    public static Optional<Language> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The language for a code the configuration names; unknown codes are a configuration error. */
    public static Language requireCode(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown language code '" + code + "' (expected prs, ps, tg, tk, uz or ur)"));
    }
}
