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
}
