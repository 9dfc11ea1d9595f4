package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import org.hotline.core.i18n.Messages;
import org.hotline.core.i18n.UiLanguage;
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

    /** The lists with English labels. */
    static JsonObject build() {
        return build(Messages.english());
    }

    /**
     * The lists with labels in a language: a choice's bundle entry {@code choice.<Type>.<code>} where the bundles
     * have one, countries by CLDR's name in that language, else the English label (regions keep their English
     * names, as in the reports).
     */
    static JsonObject build(Messages messages) {
        Labels labels = new Labels(messages);
        JsonObject regions = new JsonObject();
        for (Country country : Country.values()) {
            regions.put(country.code(), list(Region.of(country), labels));
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
                .put("contactTypes", list(ContactType.class, labels))
                .put("signals", list(Signal.class, labels))
                .put("callerTypes", list(CallerType.class, labels))
                .put("traffickingTypes", list(TraffickingType.class, labels))
                .put("forms", list(ExploitationForm.class, labels))
                .put("recruitments", list(Recruitment.class, labels))
                .put("controls", list(ControlMethod.class, labels))
                .put("countries", list(Country.class, labels))
                .put("regions", regions)
                .put("urgencies", list(Urgency.class, labels))
                .put("consents", list(Consent.class, labels))
                .put("lawEnforcement", list(LawEnforcementReport.class, labels))
                .put("referralServices", list(ReferralService.class, labels))
                .put("referralStatuses", list(ReferralStatus.class, labels))
                .put("consentBases", list(ConsentBasis.class, labels))
                .put("referralTransitions", transitions)
                .put("languages", languages)
                .put("dangerQuestions", list(DangerQuestion.class, labels))
                .put("dangerAnswers", list(DangerAnswer.class, labels))
                .put("limits", new JsonObject()
                        .put("summaryMaxLength", TipReader.SUMMARY_MAX_LENGTH)
                        .put("maxReferrals", TipReader.MAX_REFERRALS)
                        .put("maxVictims", TipReader.MAX_VICTIMS));
    }

    private static <E extends Enum<E> & Choice> JsonArray list(Class<E> type, Labels labels) {
        return list(Arrays.asList(type.getEnumConstants()), labels);
    }

    private static JsonArray list(List<? extends Choice> choices, Labels labels) {
        JsonArray array = new JsonArray();
        choices.forEach(c -> array.add(new JsonObject().put("code", c.code()).put("label", labels.of(c))));
        return array;
    }

    /** A choice's label in one language. */
    private record Labels(Messages messages) {
        String of(Choice choice) {
            if (choice instanceof Region || messages.language() == UiLanguage.ENGLISH) {
                return choice.label();
            }
            String key = "choice." + ((Enum<?>) choice).getDeclaringClass().getSimpleName() + "." + choice.code();
            if (messages.has(key)) {
                return messages.text(key);
            }
            if (choice instanceof Country && choice.code().length() == 2) {
                return new ULocale("", choice.code()).getDisplayCountry(messages.language().locale());
            }
            return choice.label();
        }
    }
}
