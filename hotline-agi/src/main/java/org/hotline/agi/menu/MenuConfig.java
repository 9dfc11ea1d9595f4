package org.hotline.agi.menu;

import java.time.Duration;
import org.hotline.core.config.Settings;

/**
 * @param attempts rounds of a menu before giving up on input
 * @param timeout  wait for a key after a menu's prompts
 * @param routes   per-number greeting rules
 */
public record MenuConfig(int attempts, Duration timeout, IvrRoutes routes) {
    public static MenuConfig from(Settings settings) {
        return new MenuConfig(Math.max(1, settings.integer("ivr.menu.attempts")), settings.duration("ivr.menu.timeout"),
                IvrRoutes.parse(settings.string("ivr.routes")));
    }
}
