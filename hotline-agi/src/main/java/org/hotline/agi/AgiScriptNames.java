package org.hotline.agi;

import java.util.Set;

/** The only script names the FastAGI server maps; any other name gets {@code NOT_FOUND}. */
public final class AgiScriptNames {
    /** The entry script: menus, intake, hold and hand-off. */
    public static final String ENTRY = "hotline";
    /** The hangup handler: records how the call ended. */
    public static final String END = "hotline-end";
    /** The prompt studio: a speaker records the IVR's prompts by phone (dialplan *77, staff only). */
    public static final String STUDIO = "hotline-studio";
    /** Every mapped name. */
    public static final Set<String> ALL = Set.of(ENTRY, END, STUDIO);

    private AgiScriptNames() {
    }
}
