package org.hotline.dispatch.operators;

import java.util.Set;
import org.hotline.core.call.Language;

/**
 * A person who signs in to the dispatch screen.
 *
 * @param id          stable id
 * @param username    sign-in name
 * @param displayName name shown on screens
 * @param role        what they may do
 * @param languages   languages they speak
 * @param interpreter whether they can take calls in other languages through an interpreter
 * @param endpoint    Asterisk dial string of their phone (e.g. {@code PJSIP/1001}), or null
 * @param enabled     disabled people cannot sign in
 */
public record Operator(String id, String username, String displayName, Role role, Set<Language> languages,
                       boolean interpreter, String endpoint, boolean enabled) {
    public Operator {
        languages = Set.copyOf(languages);
    }

    /** Whether this person can be offered calls at all. */
    public boolean takesCalls() {
        return enabled && endpoint != null && !endpoint.isBlank();
    }
}
