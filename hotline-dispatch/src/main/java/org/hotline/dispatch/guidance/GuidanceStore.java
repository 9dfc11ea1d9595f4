package org.hotline.dispatch.guidance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hotline.dispatch.screen.SignedIn;

/** The guidance texts and every version of them. Blocking: call it from worker or virtual threads. */
interface GuidanceStore {

    /** The newest version of every stored text in these languages. */
    List<StoredText> current(Collection<String> languages);

    /** Every version of one text, newest first. */
    List<StoredText> history(GuidanceSlot slot, String language);

    /**
     * Saves {@code body} as the version after {@code baseVersion}, with its audit row, in one transaction. Refused
     * (409) when the text has changed since {@code baseVersion} was read, and (400) when nothing changed.
     */
    StoredText edit(GuidanceSlot slot, String language, int baseVersion, String body, SignedIn who, Instant at);
}
