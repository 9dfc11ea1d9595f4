package org.hotline.dispatch.guidance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in English guidance: what migration {@code V20} stored as version 1 of every text, and what the screen
 * shows when the guidance store cannot be read, so the panel is never empty. A test keeps the two identical.
 * Written for frightened callers whose phone may be in someone else's hands: short sentences, the caller's choice
 * first, nothing repeated back that a listener could use.
 */
final class DefaultGuidance {
    private static final Map<GuidanceSlot, String> TEXTS = new LinkedHashMap<>();

    static {
        text("all", "safety-check", """
                Ask before anything else: "Can you talk safely right now?"
                Ask: "Is anyone with you, or can anyone hear you?"
                If it is not safe, offer yes-or-no questions: "I can ask questions you answer with yes or no. \
                Is that all right?"
                Agree on a safe word now: "If you say 'wrong number', I will end the call at once."
                Tell them: "You can stop at any time. You do not have to answer everything."
                """);
        text("all", "quick-exit", """
                End the call at once if the caller says the safe word, goes quiet, or says someone is coming.
                Say only: "Sorry, wrong number. Goodbye." Say nothing about the hotline or what they told you.
                Do not call back. Do not ask them to stay on the line.
                If there is time, say first: "You can call 1098 again when it is safe. The call is free."
                Then save the tip with what you know. Write in the summary that the call ended for safety.
                """);
        text("danger", "danger-check", """
                Ask these questions one at a time. Mark yes, no, or not sure.
                Use the caller's own words. Do not push for details.
                A "yes" to any of the first three makes the tip critical and marks imminent danger.
                """);
        text("danger", "q-injured", "Are you hurt, or do you need a doctor right now?");
        text("danger", "q-confined", "Are you locked in, or stopped from leaving, right now?");
        text("danger", "q-threatened", "Has someone threatened to hurt you or your family, and could they do it today?");
        text("danger", "q-moved-soon", "Is someone about to move you to another place, or across a border?");
        text("danger", "q-child", "Is a child under 18 in this situation?");
        text("danger", "this-call", """
                Stay calm. Speak slowly. Ask one short question at a time.
                First find out: will this person be safe for the next hour?
                Ask where they are in their own words: a district, a landmark, a road.
                If they are in immediate danger and agree, call your supervisor now for the emergency referral.
                Do not promise what the hotline cannot do. Say what will happen next, and when.
                """);
        text("report", "this-call", """
                The caller wants to report a situation. They may be a relative, a neighbour, or the person themselves.
                Let them tell it their way first. Then ask what you still need: where, how many people, any children.
                Do not ask for the names of the people involved unless the caller offers them.
                Thank them. Tell them what the hotline will do with the report.
                If anyone is in danger now, go back to the safety check and ask about the danger.
                """);
        text("help", "this-call", """
                The caller is asking for help for themselves. Believe them. Do not judge.
                Ask what they need most today: a safe place, a doctor, legal help, getting home, someone to talk to.
                Offer the options and let them choose. Do not decide for them.
                Explain each service in plain words before you ask for consent.
                Tell them they can call again at any time.
                """);
        text("information", "this-call", """
                The caller wants information: a job abroad, a visa, a missing relative.
                Answer what you can. Say so clearly when you do not know.
                Warning signs of a false job offer: a fee to pay, an employer who keeps the passport, \
                no written contract, pay "later".
                Ask gently whether someone they know is already in this situation. If so, treat the call as a report.
                Tell them the hotline number, 1098. It is free from any phone.
                """);
        text("unspecified", "this-call", """
                The caller did not choose a purpose. Pressing a key may not have been safe for them.
                Do the safety check first. Then ask: "How can I help you today?"
                Listen. Then follow what they need: danger, a report, help, or information.
                """);
        text("all", "referrals", """
                A referral tells a partner organisation about the caller. Ask for consent each time, for each partner.
                Say who the partner is, what they do, and what you will share.
                For example: "I would like to tell this organisation about your situation, so they can help you \
                with legal advice. Is that all right?"
                Make it clear that no is a fine answer. The hotline still helps them.
                Never share anything that could identify them without a clear yes.
                Record the answer for every referral. Without consent, refer only when someone is in imminent \
                danger, and only with your supervisor.
                """);
    }

    private DefaultGuidance() {
    }

    private static void text(String purpose, String topic, String text) {
        TEXTS.put(new GuidanceSlot(purpose, topic), text.strip());
    }

    /** The built-in English text of a slot of the catalogue. */
    static String text(GuidanceSlot slot) {
        String text = TEXTS.get(slot);
        if (text == null) {
            throw new IllegalStateException("no built-in guidance for " + slot.key(GuidanceCatalogue.ENGLISH));
        }
        return text;
    }

    /** Every built-in text, for the test that compares them with the seeded version 1. */
    static Map<GuidanceSlot, String> all() {
        return Map.copyOf(TEXTS);
    }
}
