package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.core.tip.CallerType;
import org.hotline.core.tip.Consent;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.ControlMethod;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ExploitationForm;
import org.hotline.core.tip.LawEnforcementReport;
import org.hotline.core.tip.Recruitment;
import org.hotline.core.tip.ReferralService;
import org.hotline.core.tip.Region;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.guidance.DangerAssessment;
import org.hotline.dispatch.guidance.UrgencyRule;

/**
 * Reads a submitted tip form ({@code POST /api/tips}) into a {@link NewTip}, checking every field against its
 * choice list. Only a substantive contact needs a signal, an urgency and a consent, and only it can carry
 * referrals; the other contact types (silent, prank, ...) are recorded with their type alone.
 */
final class TipReader {
    static final int SUMMARY_MAX_LENGTH = 4000;
    static final int MAX_REFERRALS = 20;
    static final int MAX_VICTIMS = 10_000;

    private static final Set<String> FIELDS = Set.of("id", "callId", "contactType", "signal", "callerType",
            "traffickingType", "form", "recruitment", "control", "country", "region", "origin", "transit",
            "destination", "victims", "urgency", "imminentDanger", "consent", "lawEnforcement", "summary",
            "referrals", DangerAnswers.FIELD);
    private static final Set<String> VICTIM_FIELDS = Set.of("count", "minors", "female", "male", "otherGender");
    private static final Set<String> REFERRAL_FIELDS = Set.of("partnerId", "service", "consent");
    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9-]{1,40}");

    private TipReader() {
    }

    /** The form as a tip; a form with problems is refused once, naming every problem ({@link Problems}). */
    static NewTip read(JsonObject json) {
        if (json == null) {
            throw ApiError.badRequest(null, "The tip must be sent as a JSON object.");
        }
        JsonFields f = JsonFields.of(json, "", FIELDS);
        Problems p = new Problems();
        String id = p.check(() -> f.uuid("id", true, "tip id"));
        ContactType contactType = p.check(() -> f.choice("contactType", ContactType.class, true, "a contact type"));
        boolean substantive = contactType == ContactType.SUBSTANTIVE;
        Place place = place(f, p);
        Set<ControlMethod> control = p.check(() -> f.choices("control", ControlMethod.class, "means of control"));
        // The danger assessment asked during the call can only raise the urgency the operator chose.
        DangerAssessment checked = p.check(() -> DangerAnswers.read(f));
        DangerAssessment danger = checked == null ? DangerAssessment.none() : checked;
        boolean urgencyFromAnswers = UrgencyRule.urgency(danger).isPresent();
        TipContent content = new TipContent(
                p.check(() -> f.uuid("callId", false, "call id")),
                contactType,
                p.check(() -> f.choice("signal", Signal.class, substantive, "a signal")),
                p.check(() -> f.choice("callerType", CallerType.class, false, "a caller type")),
                p.check(() -> f.choice("traffickingType", TraffickingType.class, false, "a trafficking type")),
                p.check(() -> f.choice("form", ExploitationForm.class, false, "a form of exploitation")),
                p.check(() -> f.choice("recruitment", Recruitment.class, false, "a way of recruitment")),
                control == null ? Set.of() : control,
                place,
                p.check(() -> victims(f)),
                UrgencyRule.raise(p.check(() -> f.choice("urgency", Urgency.class, substantive && !urgencyFromAnswers,
                        "an urgency")), danger),
                Boolean.TRUE.equals(p.check(() -> f.flag("imminentDanger"))) || UrgencyRule.imminentDanger(danger),
                p.check(() -> f.choice("consent", Consent.class, substantive, "the caller's consent")),
                p.check(() -> f.choice("lawEnforcement", LawEnforcementReport.class, false,
                        "a law-enforcement report")),
                p.check(() -> summary(f)),
                danger);
        List<NewReferral> referrals = p.check(() -> referrals(f, substantive, place));
        p.throwIfAny();
        return new NewTip(id, content, referrals);
    }

    private static Place place(JsonFields f, Problems p) {
        Country country = p.check(() -> f.choice("country", Country.class, false, "a country"));
        Region region = p.check(() -> f.choice("region", Region.class, false, "a province or region"));
        if (region != null && country == null) {
            p.check(() -> {
                throw ApiError.badRequest(f.path("country"), "Choose the country of the province or region.");
            });
        }
        if (region != null && country != null && !region.belongsTo(country)) {
            p.check(() -> {
                throw ApiError.badRequest(f.path("region"), "This province or region is not in the chosen country.");
            });
        }
        return new Place(country, region,
                p.check(() -> f.choice("origin", Country.class, false, "a country of origin")),
                p.check(() -> f.choice("transit", Country.class, false, "a transit country")),
                p.check(() -> f.choice("destination", Country.class, false, "a destination country")));
    }

    private static Victims victims(JsonFields tip) {
        JsonObject json = tip.object("victims");
        if (json == null) {
            return Victims.UNKNOWN;
        }
        JsonFields f = JsonFields.of(json, tip.path("victims."), VICTIM_FIELDS);
        Victims victims = new Victims(f.count("count", MAX_VICTIMS), f.flag("minors"), f.count("female", MAX_VICTIMS),
                f.count("male", MAX_VICTIMS), f.count("otherGender", MAX_VICTIMS));
        int described = zeroIfNull(victims.female()) + zeroIfNull(victims.male()) + zeroIfNull(victims.otherGender());
        boolean breakdown = victims.female() != null || victims.male() != null || victims.otherGender() != null;
        if (breakdown && victims.count() == null) {
            throw ApiError.badRequest(f.path("count"), "Give the number of potential victims for the breakdown.");
        }
        if (victims.count() != null && described > victims.count()) {
            throw ApiError.badRequest(tip.path("victims"),
                    "The gender breakdown adds up to more than the number of potential victims.");
        }
        return victims;
    }

    private static String summary(JsonFields f) {
        String summary = f.text("summary");
        if (summary == null) {
            return null;
        }
        if (summary.length() > SUMMARY_MAX_LENGTH) {
            throw ApiError.badRequest(f.path("summary"),
                    "The summary is longer than " + SUMMARY_MAX_LENGTH + " characters.");
        }
        // PostgreSQL refuses NUL in text; refusing it here keeps H2 and PostgreSQL answering alike.
        if (summary.indexOf('\u0000') >= 0) {
            throw ApiError.badRequest(f.path("summary"), "The summary contains a character that cannot be stored.");
        }
        return summary;
    }

    private static List<NewReferral> referrals(JsonFields tip, boolean substantive, Place place) {
        JsonArray items = tip.list("referrals");
        if (items.isEmpty()) {
            return List.of();
        }
        if (!substantive) {
            throw ApiError.badRequest(tip.path("referrals"), "Only a substantive contact can have referrals.");
        }
        if (items.size() > MAX_REFERRALS) {
            throw ApiError.badRequest(tip.path("referrals"), "At most " + MAX_REFERRALS + " referrals per tip.");
        }
        if (place.country() == null) {
            // Cross-border is derived from the tip's country, so it must be known.
            throw ApiError.badRequest(tip.path("country"), "Choose the country of the situation before referring.");
        }
        List<NewReferral> referrals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = tip.path("referrals[" + i + "]");
            if (!(items.getValue(i) instanceof JsonObject json)) {
                throw ApiError.badRequest(prefix, "Must be an object.");
            }
            JsonFields f = JsonFields.of(json, prefix + ".", REFERRAL_FIELDS);
            String partnerId = f.text("partnerId");
            if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
                throw ApiError.badRequest(f.path("partnerId"), "Choose a partner from the directory.");
            }
            ReferralService service = f.choice("service", ReferralService.class, true, "a service");
            Boolean consent = f.flag("consent");
            if (consent == null) {
                throw ApiError.badRequest(f.path("consent"), "Say whether the caller consented to this referral.");
            }
            if (!seen.add(partnerId + "/" + service.code())) {
                throw ApiError.badRequest(prefix, "This partner is already asked for this service.");
            }
            referrals.add(new NewReferral(partnerId, service, consent));
        }
        return referrals;
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
