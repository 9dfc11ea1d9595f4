package org.hotline.agi.menu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.core.call.Language;
import org.hotline.core.config.SettingsException;

/**
 * The routes of {@code ivr.routes}: {@code number:country:default:order|...}, with {@code *} as the catch-all.
 * A call is matched on the dialled number (agi_dnid), then on the extension.
 */
public final class IvrRoutes {
    private static final String CATCH_ALL = "*";

    private final Map<String, IvrRoute> byNumber;

    private IvrRoutes(Map<String, IvrRoute> byNumber) {
        this.byNumber = byNumber;
    }

    public static IvrRoutes parse(String text) {
        Map<String, IvrRoute> routes = new LinkedHashMap<>();
        for (String entry : text.split("\\|")) {
            if (entry.isBlank()) {
                continue;
            }
            IvrRoute route = parseRoute(entry.trim());
            if (routes.put(route.number(), route) != null) {
                throw new SettingsException("ivr.routes names number '" + route.number() + "' twice");
            }
        }
        if (!routes.containsKey(CATCH_ALL)) {
            throw new SettingsException("ivr.routes needs a '*' route for calls on any other number");
        }
        return new IvrRoutes(routes);
    }

    private static IvrRoute parseRoute(String entry) {
        String[] parts = entry.split(":");
        if (parts.length != 4) {
            throw new SettingsException("ivr.routes entry '" + entry + "' must be number:country:default:order");
        }
        try {
            String country = parts[1].trim().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                throw new SettingsException("ivr.routes entry '" + entry + "' has no two-letter country");
            }
            List<Language> order = new ArrayList<>();
            for (String code : parts[3].split(",")) {
                order.add(Language.requireCode(code.trim()));
            }
            if (order.size() != Language.values().length || order.stream().distinct().count() != order.size()) {
                throw new SettingsException("ivr.routes entry '" + entry + "' must order all six languages once");
            }
            return new IvrRoute(parts[0].trim(), country, Language.requireCode(parts[2].trim()), order);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("ivr.routes entry '" + entry + "': " + e.getMessage());
        }
    }

    /** The route for a call: by dialled number, then extension, then the catch-all. */
    public IvrRoute forCall(String dnid, String extension) {
        IvrRoute route = dnid == null ? null : byNumber.get(dnid);
        if (route == null && extension != null) {
            route = byNumber.get(extension);
        }
        return route != null ? route : byNumber.get(CATCH_ALL);
    }
}
