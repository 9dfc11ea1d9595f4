package org.hotline.acceptance.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.acceptance.Staff;

/**
 * An operator's seat: who sits there, the language they speak, the key a caller presses for it in the language
 * menu, and their phone. Added as {@link Staff} adds people, with the packaged jar's own {@code user add} command.
 */
record Desk(String username, String language, char menuKey, String endpoint) {
    /** Dari, Pashto and Urdu: keys 1, 2 and 6 of the default menu. */
    static final List<Desk> THREE = List.of(new Desk("nadia", "prs", '1', "PJSIP/1001"),
            new Desk("wali", "ps", '2', "PJSIP/1002"), new Desk("sana", "ur", '6', "PJSIP/1006"));

    /** Adds the operator while the hotline is stopped; {@code settings} name an external database if any. */
    void add(Path dataDir, Map<String, String> settings) {
        Staff.operator(dataDir, settings, username, language, endpoint);
    }

    static List<Character> menuKeys(List<Desk> desks) {
        return desks.stream().map(Desk::menuKey).toList();
    }
}
