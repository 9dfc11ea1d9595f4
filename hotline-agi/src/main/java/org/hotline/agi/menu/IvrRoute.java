package org.hotline.agi.menu;

import java.util.List;
import org.hotline.core.call.Language;

/**
 * How calls on one dialled number or trunk are greeted.
 *
 * @param number          the dialled number, or {@code *} for every other
 * @param country         ISO country used to read local caller numbers
 * @param defaultLanguage the language after the last menu retry (and of the greeting)
 * @param order           the order the language options are announced in
 */
public record IvrRoute(String number, String country, Language defaultLanguage, List<Language> order) {
    public IvrRoute {
        order = List.copyOf(order);
    }

    /**
     * This route with the channel's language as default, when the dialplan set one of ours before the AGI
     * (its per-trunk contexts do), so the dialplan and the IVR never disagree on a trunk's language.
     */
    public IvrRoute withChannelLanguage(String channelLanguage) {
        return Language.byCode(channelLanguage)
                .map(language -> new IvrRoute(number, country, language, order))
                .orElse(this);
    }
}
