package org.hotline.reports;

import java.time.LocalDate;
import java.util.Map;
import org.hotline.core.call.CallOutcome;

/**
 * A day whose every figure is worked out by hand (2026-03-10 in Asia/Kabul, which runs from 2026-03-09T19:30Z to
 * 2026-03-10T19:30Z). It has calls on both sides of both local midnights, waits on the 20 s and 60 s edges to the
 * millisecond, abandons either side of 5 s, tips and referrals, and two operators' states.
 */
final class KnownDay {
    static final LocalDate DAY = LocalDate.parse("2026-03-10");

    String amina;
    String bashir;
    String manager;

    void seed(Seed seed) {
        amina = seed.operator("amina", "Amina K.", "operator");
        bashir = seed.operator("bashir", "Bashir R.", "operator");
        manager = seed.operator("mariam", "Mariam S.", "manager");

        // Not this day: the evening before (handed off after midnight) and the next day's first second.
        seed.call("2026-03-09T23:59:50").language("prs").answered(10, 60, amina).insert();
        seed.call("2026-03-11T00:00:00").abandonedInMenu().insert();

        // Answered: waits of exactly 20 s, 20.001 s, exactly 60 s, 60.5 s, 5 s (crossing midnight) and 45 s.
        seed.call("2026-03-10T00:00:00").language("prs").answered(20.0, 100, amina).insert();
        seed.call("2026-03-10T09:10:00").language("prs").answered(20.001, 200, amina).insert();
        seed.call("2026-03-10T09:20:00").language("ps").answered(60.0, 300, bashir).insert();
        seed.call("2026-03-10T10:05:00").language("ps").answered(60.5, null, bashir).insert();
        seed.call("2026-03-10T23:59:59").language("ur").answered(5.0, 50, amina).insert();
        seed.call("2026-03-10T10:30:00").language("tg").answered(45.0, 150, bashir).insert();
        // Abandoned in queue after 4.999 s (short), exactly 5 s and 30 s.
        seed.call("2026-03-10T11:00:00").language("prs").abandonedInQueue(4.999).insert();
        seed.call("2026-03-10T11:10:00").language("prs").abandonedInQueue(5.0).insert();
        seed.call("2026-03-10T12:00:00").language("tg").abandonedInQueue(30.0).insert();
        // Abandoned in the menu, before any language.
        seed.call("2026-03-10T09:00:00").abandonedInMenu().insert();
        seed.call("2026-03-10T13:00:00").abandonedInMenu().insert();
        // The other outcomes, and one call still going on.
        seed.call("2026-03-10T14:00:00").language("uz").voicemail("vm-1.wav").insert();
        seed.call("2026-03-10T02:00:00").language("tk").outcome(CallOutcome.CLOSED, false).insert();
        seed.call("2026-03-10T03:00:00").language("prs").outcome(CallOutcome.FALLBACK, false).insert();
        seed.call("2026-03-10T04:00:00").outcome(CallOutcome.FAILED, false).insert();
        seed.call("2026-03-10T23:30:00").language("prs").inProgress().insert();

        // Amina: available from the evening before until 01:00, and 01:30-02:00 (1 h 30 min in the day).
        seed.state(amina, "available", "2026-03-09T23:00:00");
        seed.state(amina, "on-call", "2026-03-10T01:00:00");
        seed.state(amina, "available", "2026-03-10T01:30:00");
        seed.state(amina, "signed-out", "2026-03-10T02:00:00");
        // Bashir: 09:00-17:00, then from 23:00 with no change until the day ends (9 h).
        seed.state(bashir, "available", "2026-03-10T09:00:00");
        seed.state(bashir, "away", "2026-03-10T17:00:00");
        seed.state(bashir, "available", "2026-03-10T23:00:00");

        seed.tip("2026-03-09T23:00:00", amina, Map.of("signal_type", "tip", "trafficking_type", "labour"));
        String t1 = seed.tip("2026-03-10T00:10:00", amina, Map.of("signal_type", "tip", "trafficking_type", "labour",
                "exploitation_form", "bonded-labour", "country", "AF", "region", "AF-KAB"));
        String t2 = seed.tip("2026-03-10T09:30:00", bashir, Map.of("signal_type", "crisis", "trafficking_type",
                "sexual", "exploitation_form", "commercial-sexual-exploitation", "country", "AF", "region", "AF-HER",
                "cross_border", true));
        seed.tip("2026-03-10T10:00:00", bashir, Map.of("signal_type", "tip", "trafficking_type", "labour",
                "exploitation_form", "bonded-labour", "country", "PK", "region", "unknown"));
        seed.tip("2026-03-10T11:00:00", amina, Map.of("contact_type", "prank"));
        seed.tip("2026-03-10T12:00:00", amina, Map.of("contact_type", "silent"));
        String t6 = seed.tip("2026-03-10T15:00:00", bashir, Map.of("signal_type", "help-request", "trafficking_type",
                "labour", "exploitation_form", "forced-labour", "country", "AF", "region", "AF-KAB", "cross_border",
                true));

        // Made this day: one sent the same day, one accepted only the next morning (proposed at the day's end).
        seed.referral(t1, "af-hagar", "psychosocial", false, "2026-03-10T10:00:00", manager,
                "sent", "2026-03-10T12:00:00");
        seed.referral(t2, "tm-enme", "shelter", true, "2026-03-10T11:00:00", manager,
                "accepted", "2026-03-11T09:00:00");
        // Made earlier: still sent (open after 7 days), completed, declined only after the day (so open at its end),
        // and open but only 3 days old.
        seed.referral(t6, "af-iom", "return-reintegration", false, "2026-02-28T10:00:00", manager,
                "sent", "2026-03-01T10:00:00");
        seed.referral(t6, "pk-lhrla", "legal-aid", true, "2026-02-28T11:00:00", manager,
                "sent", "2026-03-01T10:00:00", "accepted", "2026-03-05T10:00:00", "completed", "2026-03-08T10:00:00");
        seed.referral(t6, "tj-femida", "legal-aid", true, "2026-03-02T10:00:00", manager,
                "sent", "2026-03-02T12:00:00", "declined", "2026-03-11T08:00:00");
        seed.referral(t6, "uz-isenim", "shelter", true, "2026-03-07T10:00:00", manager);
    }
}
