package org.hotline.dispatch.guidance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.core.call.Language;
import org.hotline.core.call.Purpose;

/**
 * Every guidance text there is, in the order the operator reads them during a call: the safety check first, then
 * how to end the call quickly, the danger assessment (danger calls only), what this kind of call needs, and what to
 * say about referrals and consent. Texts for {@link #ALL} purposes show on every call. The catalogue is fixed in code;
 * the words are in the database, where managers edit them.
 */
final class GuidanceCatalogue {
    static final String ALL = "all";
    static final String SAFETY_CHECK = "safety-check";
    static final String QUICK_EXIT = "quick-exit";
    static final String DANGER_CHECK = "danger-check";
    static final String THIS_CALL = "this-call";
    static final String REFERRALS = "referrals";
    /** English now; every language of the IVR may be added later under its own code. */
    static final String ENGLISH = "en";

    private static final List<GuidanceSlot> SLOTS = build();
    private static final Set<String> LANGUAGES = Stream.concat(Stream.of(ENGLISH),
            Arrays.stream(Language.values()).map(Language::code)).collect(Collectors.toUnmodifiableSet());

    private GuidanceCatalogue() {
    }

    private static List<GuidanceSlot> build() {
        List<GuidanceSlot> slots = new ArrayList<>();
        slots.add(new GuidanceSlot(ALL, SAFETY_CHECK));
        slots.add(new GuidanceSlot(ALL, QUICK_EXIT));
        slots.add(new GuidanceSlot(Purpose.DANGER.code(), DANGER_CHECK));
        for (DangerQuestion q : DangerQuestion.values()) {
            slots.add(new GuidanceSlot(Purpose.DANGER.code(), q.topic()));
        }
        for (Purpose p : Purpose.values()) {
            slots.add(new GuidanceSlot(p.code(), THIS_CALL));
        }
        slots.add(new GuidanceSlot(ALL, REFERRALS));
        return List.copyOf(slots);
    }

    /** Every slot, in reading order. */
    static List<GuidanceSlot> slots() {
        return SLOTS;
    }

    /** The slots an operator reads on a call of this purpose, in order. */
    static List<GuidanceSlot> forCall(Purpose purpose) {
        return SLOTS.stream().filter(s -> s.purpose().equals(ALL) || s.purpose().equals(purpose.code())).toList();
    }

    static Optional<GuidanceSlot> slot(String purpose, String topic) {
        return SLOTS.stream().filter(s -> s.purpose().equals(purpose) && s.topic().equals(topic)).findFirst();
    }

    /** Whether texts may be stored under this language key: English, or a language of the IVR. */
    static boolean language(String code) {
        return LANGUAGES.contains(code);
    }

    /** The heading the screen shows above a topic. */
    static String heading(GuidanceSlot slot) {
        return switch (slot.topic()) {
            case SAFETY_CHECK -> "Safety check: ask first";
            case QUICK_EXIT -> "Ending the call quickly and safely";
            case DANGER_CHECK -> "Danger assessment";
            case THIS_CALL -> "This call: " + purposeLabel(slot.purpose());
            case REFERRALS -> "Referrals and consent";
            default -> question(slot).map(q -> "Danger question: " + q.code()).orElse(slot.topic());
        };
    }

    /** The danger question whose wording this slot holds, if it holds one. */
    static Optional<DangerQuestion> question(GuidanceSlot slot) {
        return Arrays.stream(DangerQuestion.values()).filter(q -> q.topic().equals(slot.topic())).findFirst();
    }

    private static String purposeLabel(String purpose) {
        return switch (Purpose.fromCode(purpose)) {
            case DANGER -> "in danger now";
            case REPORT -> "reporting a situation";
            case HELP -> "help for themselves";
            case INFORMATION -> "information";
            case UNSPECIFIED -> "no purpose chosen";
        };
    }
}
