package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Small helpers shared by the message records' JSON mappings. */
final class Json {
    private Json() {
    }

    static String required(JsonObject json, String field) {
        String value = json.getString(field);
        if (value == null) {
            throw new IllegalArgumentException("message is missing '" + field + "'");
        }
        return value;
    }

    static Instant instant(JsonObject json, String field) {
        String value = json.getString(field);
        return value == null ? null : Instant.parse(value);
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
