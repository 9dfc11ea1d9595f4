package org.hotline.dispatch.tips;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.dispatch.api.ApiError;

/**
 * Collects the refusals of a form's fields instead of stopping at the first, so the operator sees every missing
 * or wrong field at once, each next to its field.
 */
final class Problems {
    private final List<ApiError> found = new ArrayList<>();

    /** The value {@code read} answers, or null (remembering why) when it refuses the field. */
    <T> T check(Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiError e) {
            found.add(e);
            return null;
        }
    }

    /** Throws one 400 naming every refused field, if any was. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw ApiError.invalid(found);
        }
    }
}
