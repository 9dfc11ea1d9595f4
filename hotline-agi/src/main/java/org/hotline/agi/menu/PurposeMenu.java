package org.hotline.agi.menu;

import org.hotline.agi.call.Caller;
import org.hotline.agi.prompts.Prompt;
import org.hotline.core.call.Purpose;

/**
 * The second menu, in the caller's language (the channel language is already set). The danger option is
 * heard first and gives emergency priority; no usable key still goes to an operator, as
 * {@link Purpose#UNSPECIFIED}.
 */
public final class PurposeMenu {
    private static final String KEYS = "1234";

    private final MenuConfig config;

    public PurposeMenu(MenuConfig config) {
        this.config = config;
    }

    public Choice<Purpose> choose(Caller caller) {
        char key = Caller.NO_KEY;
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            if (key == Caller.NO_KEY) {
                key = caller.play(Prompt.PURPOSE.file(), KEYS);
            }
            if (key == Caller.NO_KEY) {
                key = caller.waitForKey(config.timeout());
            }
            var purpose = Purpose.byKey(key);
            if (purpose.isPresent()) {
                return Choice.chosen(purpose.get());
            }
            boolean last = attempt == config.attempts();
            Prompt complaint = key == Caller.NO_KEY ? Prompt.NO_INPUT : Prompt.INVALID;
            key = caller.play(complaint.file(), last ? "" : KEYS);
        }
        return Choice.defaulted(Purpose.UNSPECIFIED);
    }
}
