package org.hotline.core.tip;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Provinces or regions of a situation, with ISO 3166-2 codes: the 34 provinces of Afghanistan and the first-level
 * divisions of Pakistan, Tajikistan, Turkmenistan and Uzbekistan. Every other country has only {@link #UNKNOWN},
 * which is also valid for any country.
 */
public enum Region implements Choice {
    // AF
    AF_BDS(Country.AF, "AF-BDS", "Badakhshan"),
    AF_BDG(Country.AF, "AF-BDG", "Badghis"),
    AF_BGL(Country.AF, "AF-BGL", "Baghlan"),
    AF_BAL(Country.AF, "AF-BAL", "Balkh"),
    AF_BAM(Country.AF, "AF-BAM", "Bamyan"),
    AF_DAY(Country.AF, "AF-DAY", "Daykundi"),
    AF_FRA(Country.AF, "AF-FRA", "Farah"),
    AF_FYB(Country.AF, "AF-FYB", "Faryab"),
    AF_GHA(Country.AF, "AF-GHA", "Ghazni"),
    AF_GHO(Country.AF, "AF-GHO", "Ghor"),
    AF_HEL(Country.AF, "AF-HEL", "Helmand"),
    AF_HER(Country.AF, "AF-HER", "Herat"),
    AF_JOW(Country.AF, "AF-JOW", "Jowzjan"),
    AF_KAB(Country.AF, "AF-KAB", "Kabul"),
    AF_KAN(Country.AF, "AF-KAN", "Kandahar"),
    AF_KAP(Country.AF, "AF-KAP", "Kapisa"),
    AF_KHO(Country.AF, "AF-KHO", "Khost"),
    AF_KNR(Country.AF, "AF-KNR", "Kunar"),
    AF_KDZ(Country.AF, "AF-KDZ", "Kunduz"),
    AF_LAG(Country.AF, "AF-LAG", "Laghman"),
    AF_LOG(Country.AF, "AF-LOG", "Logar"),
    AF_NAN(Country.AF, "AF-NAN", "Nangarhar"),
    AF_NIM(Country.AF, "AF-NIM", "Nimroz"),
    AF_NUR(Country.AF, "AF-NUR", "Nuristan"),
    AF_PIA(Country.AF, "AF-PIA", "Paktia"),
    AF_PKA(Country.AF, "AF-PKA", "Paktika"),
    AF_PAN(Country.AF, "AF-PAN", "Panjshir"),
    AF_PAR(Country.AF, "AF-PAR", "Parwan"),
    AF_SAM(Country.AF, "AF-SAM", "Samangan"),
    AF_SAR(Country.AF, "AF-SAR", "Sar-e Pul"),
    AF_TAK(Country.AF, "AF-TAK", "Takhar"),
    AF_URU(Country.AF, "AF-URU", "Uruzgan"),
    AF_WAR(Country.AF, "AF-WAR", "Maidan Wardak"),
    AF_ZAB(Country.AF, "AF-ZAB", "Zabul"),
    // PK
    PK_BA(Country.PK, "PK-BA", "Balochistan"),
    PK_GB(Country.PK, "PK-GB", "Gilgit-Baltistan"),
    PK_IS(Country.PK, "PK-IS", "Islamabad Capital Territory"),
    PK_JK(Country.PK, "PK-JK", "Azad Jammu and Kashmir"),
    PK_KP(Country.PK, "PK-KP", "Khyber Pakhtunkhwa"),
    PK_PB(Country.PK, "PK-PB", "Punjab"),
    PK_SD(Country.PK, "PK-SD", "Sindh"),
    // TJ
    TJ_DU(Country.TJ, "TJ-DU", "Dushanbe"),
    TJ_GB(Country.TJ, "TJ-GB", "Gorno-Badakhshan"),
    TJ_KT(Country.TJ, "TJ-KT", "Khatlon"),
    TJ_RA(Country.TJ, "TJ-RA", "Districts of Republican Subordination"),
    TJ_SU(Country.TJ, "TJ-SU", "Sughd"),
    // TM
    TM_S(Country.TM, "TM-S", "Ashgabat"),
    TM_A(Country.TM, "TM-A", "Ahal"),
    TM_B(Country.TM, "TM-B", "Balkan"),
    TM_D(Country.TM, "TM-D", "Dashoguz"),
    TM_L(Country.TM, "TM-L", "Lebap"),
    TM_M(Country.TM, "TM-M", "Mary"),
    // UZ
    UZ_TK(Country.UZ, "UZ-TK", "Tashkent city"),
    UZ_AN(Country.UZ, "UZ-AN", "Andijan"),
    UZ_BU(Country.UZ, "UZ-BU", "Bukhara"),
    UZ_FA(Country.UZ, "UZ-FA", "Fergana"),
    UZ_JI(Country.UZ, "UZ-JI", "Jizzakh"),
    UZ_XO(Country.UZ, "UZ-XO", "Khorezm"),
    UZ_NG(Country.UZ, "UZ-NG", "Namangan"),
    UZ_NW(Country.UZ, "UZ-NW", "Navoiy"),
    UZ_QA(Country.UZ, "UZ-QA", "Kashkadarya"),
    UZ_QR(Country.UZ, "UZ-QR", "Karakalpakstan"),
    UZ_SA(Country.UZ, "UZ-SA", "Samarkand"),
    UZ_SI(Country.UZ, "UZ-SI", "Sirdaryo"),
    UZ_SU(Country.UZ, "UZ-SU", "Surkhandarya"),
    UZ_TO(Country.UZ, "UZ-TO", "Tashkent region"),
    /** Any country, when the province or region is not known. */
    UNKNOWN(null, "unknown", "Unknown");

    private final Country country;
    private final String code;
    private final String label;

    Region(Country country, String code, String label) {
        this.country = country;
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

    /** Whether this region may be given for a situation in {@code in}. */
    public boolean belongsTo(Country in) {
        return this == UNKNOWN || country == in;
    }

    /** The regions to offer for a country, {@link #UNKNOWN} last (alone for countries without a list). */
    public static List<Region> of(Country country) {
        return Arrays.stream(values()).filter(r -> r == UNKNOWN || r.country == country)
                .sorted(Comparator.comparing(r -> r == UNKNOWN)).toList();
    }
}
