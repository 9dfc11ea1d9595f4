package org.hotline.dispatch.operators;

import java.util.Set;
import org.hotline.core.call.Language;

/** A person to add, before they have an id. */
public record NewOperator(String username, String displayName, Role role, Set<Language> languages,
                          boolean interpreter, String endpoint) {
    public NewOperator {
        languages = Set.copyOf(languages);
    }
}
