package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.hotline.core.call.Language;
import org.hotline.core.tip.CallerType;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.Consent;
import org.hotline.core.tip.ConsentBasis;
import org.hotline.core.tip.ContactType;
import org.hotline.core.tip.ControlMethod;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.ExploitationForm;
import org.hotline.core.tip.LawEnforcementReport;
import org.hotline.core.tip.Recruitment;
import org.hotline.core.tip.ReferralService;
import org.hotline.core.tip.ReferralStatus;
import org.hotline.core.tip.Region;
import org.hotline.core.tip.Signal;
import org.hotline.core.tip.TraffickingType;
import org.hotline.core.tip.Urgency;
import org.hotline.dispatch.guidance.DangerAnswer;
import org.hotline.dispatch.guidance.DangerQuestion;

/**
 * The body of {@code GET /api/tip-options}: every choice list of the tip form as {@code {code, label}} lists,
 * straight from the enums, so the screen never holds a list of its own. Built once: the lists are constants.
 */
final class TipOptions {
    private TipOptions() {
    }

    static JsonObject build() {
        JsonObject regions = new JsonObject();
        for (Country country : Country.values()) {
            regions.put(country.code(), list(Region.of(country)));
        }
        JsonObject transitions = new JsonObject();
        for (ReferralStatus status : ReferralStatus.values()) {
            transitions.put(status.code(), new JsonArray(status.next().stream().map(ReferralStatus::code).toList()));
        }
        JsonArray languages = new JsonArray();
        for (Language language : Language.values()) {
            languages.add(new JsonObject().put("code", language.code()).put("label", language.englishName())
                    .put("nativeName", language.nativeName()).put("rightToLeft", language.rightToLeft()));
        }
        return new JsonObject()
                .put("contactTypes", list(ContactType.class))
                .put("signals", list(Signal.class))
                .put("callerTypes", list(CallerType.class))
                .put("traffickingTypes", list(TraffickingType.class))
                .put("forms", list(ExploitationForm.class))
                .put("recruitments", list(Recruitment.class))
                .put("controls", list(ControlMethod.class))
                .put("countries", list(Country.class))
                .put("regions", regions)
                .put("urgencies", list(Urgency.class))
                .put("consents", list(Consent.class))
                .put("lawEnforcement", list(LawEnforcementReport.class))
                .put("referralServices", list(ReferralService.class))
                .put("referralStatuses", list(ReferralStatus.class))
                .put("consentBases", list(ConsentBasis.class))
                .put("referralTransitions", transitions)
                .put("languages", languages)
                .put("dangerQuestions", list(DangerQuestion.class))
                .put("dangerAnswers", list(DangerAnswer.class))
                .put("limits", new JsonObject()
                        .put("summaryMaxLength", TipReader.SUMMARY_MAX_LENGTH)
                        .put("maxReferrals", TipReader.MAX_REFERRALS)
                        .put("maxVictims", TipReader.MAX_VICTIMS));
    }

    private static <E extends Enum<E> & Choice> JsonArray list(Class<E> type) {
        return list(Arrays.asList(type.getEnumConstants()));
    }

    private static JsonArray list(List<? extends Choice> choices) {
        JsonArray array = new JsonArray();
        choices.forEach(c -> array.add(new JsonObject().put("code", c.code()).put("label", c.label())));
        return array;
    }
}
