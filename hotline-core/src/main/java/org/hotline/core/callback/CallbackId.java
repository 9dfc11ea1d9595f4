package org.hotline.core.callback;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The opaque name of a kept number: random, unrelated to the number, the call or the pseudonym. It is the only
 * thing about a callback that goes on the bus, into the database or into a log.
 */
public record CallbackId(String value) {
    private static final Pattern SHAPE = Pattern.compile("cb-[0-9a-f]{32}");

    public CallbackId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a callback id");
        }
    }

    static CallbackId random() {
        return new CallbackId("cb-" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
