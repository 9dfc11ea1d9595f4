package org.hotline.core.tip;

/**
 * Countries a situation can be in, or pass through: the five countries of the 2017 Dushanbe forum, the main
 * transit and destination countries, and "other". Codes are ISO 3166-1 alpha-2, as in the partner directory.
 */
public enum Country implements Choice {
    AF("AF", "Afghanistan"),
    PK("PK", "Pakistan"),
    TJ("TJ", "Tajikistan"),
    TM("TM", "Turkmenistan"),
    UZ("UZ", "Uzbekistan"),
    IR("IR", "Iran"),
    IN("IN", "India"),
    TR("TR", "Turkey"),
    RU("RU", "Russia"),
    KZ("KZ", "Kazakhstan"),
    AE("AE", "United Arab Emirates"),
    SA("SA", "Saudi Arabia"),
    QA("QA", "Qatar"),
    OTHER("other", "Other country");

    private final String code;
    private final String label;

    Country(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
