package org.hotline.agi.menu;

import org.hotline.agi.call.Caller;
import org.hotline.agi.prompts.Prompt;
import org.hotline.core.call.Language;

/**
 * The first menu: a greeting, then each language's option spoken in that language, in the route's order.
 * The keys are fixed (Dari 1 … Urdu 6) so a caller who knows them can press at once. After the last retry the
 * route's default language is used, because a caller who presses nothing still deserves an answer.
 */
public final class LanguageMenu {
    private static final String KEYS = "123456";

    private final MenuConfig config;

    public LanguageMenu(MenuConfig config) {
        this.config = config;
    }

    /** The caller's language; empty result is never possible: silence and bad keys end in the default. */
    public Choice<Language> choose(Caller caller, IvrRoute route) {
        char key = caller.play(Prompt.WELCOME.file(route.defaultLanguage().code()), KEYS);
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            if (key == Caller.NO_KEY) {
                key = announceOptions(caller, route);
            }
            if (key == Caller.NO_KEY) {
                key = caller.waitForKey(config.timeout());
            }
            var language = Language.byKey(key);
            if (language.isPresent()) {
                return Choice.chosen(language.get());
            }
            boolean last = attempt == config.attempts();
            Prompt complaint = key == Caller.NO_KEY ? Prompt.NO_INPUT : Prompt.INVALID;
            key = caller.play(complaint.file(route.defaultLanguage().code()), last ? "" : KEYS);
        }
        return Choice.defaulted(route.defaultLanguage());
    }

    private static char announceOptions(Caller caller, IvrRoute route) {
        for (Language language : route.order()) {
            char key = caller.play(Prompt.LANGUAGE_OPTION.file(language.code()), KEYS);
            if (key != Caller.NO_KEY) {
                return key;
            }
        }
        return Caller.NO_KEY;
    }
}
