package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.core.tip.Choice;
import org.hotline.dispatch.api.ApiError;
import org.hotline.core.id.Ids;

/**
 * Typed, validated reads of one JSON object of a request. Every refusal names the field by its JSON path
 * ({@code victims.count}, {@code referrals[0].service}) so the screen can point at it. Blank strings count as
 * absent, because an empty form field arrives as "". No message ever repeats the value sent.
 */
final class JsonFields {
    private final JsonObject json;
    private final String prefix;

    private JsonFields(JsonObject json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    /** The fields of {@code json}, refusing any name not in {@code known} (a typo must not drop data silently). */
    static JsonFields of(JsonObject json, String prefix, Set<String> known) {
        TreeSet<String> unknown = new TreeSet<>(json.fieldNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest(prefix + unknown.first(), "This field is not part of the form.");
        }
        return new JsonFields(json, prefix);
    }

    String path(String field) {
        return prefix + field;
    }

    /** A non-blank string, or null when absent or blank. */
    String text(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ApiError.badRequest(path(field), "Must be text.");
        }
        return text.isBlank() ? null : text;
    }

    /** A UUID in lower case, or null when absent. */
    String uuid(String field, boolean required, String what) {
        String value = text(field);
        if (value == null) {
            if (required) {
                throw ApiError.badRequest(path(field), "The " + what + " is missing.");
            }
            return null;
        }
        if (!Ids.isUuid(value)) {
            throw ApiError.badRequest(path(field), "The " + what + " is not a valid id.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** One choice of a list, by code; required ones must be present. */
    <E extends Enum<E> & Choice> E choice(String field, Class<E> type, boolean required, String what) {
        String code = text(field);
        if (code == null) {
            if (required) {
                throw ApiError.badRequest(path(field), "Choose " + what + ".");
            }
            return null;
        }
        return Choice.byCode(type, code).orElseThrow(() ->
                ApiError.badRequest(path(field), "Not one of the choices for " + what + "."));
    }

    /** Several choices of one list, without repeats; absent means none. */
    <E extends Enum<E> & Choice> Set<E> choices(String field, Class<E> type, String what) {
        Object value = json.getValue(field);
        Set<E> chosen = EnumSet.noneOf(type);
        if (value == null) {
            return chosen;
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.badRequest(path(field), "Must be a list of choices.");
        }
        for (Object item : array) {
            E choice = item instanceof String code ? Choice.byCode(type, code).orElse(null) : null;
            if (choice == null) {
                throw ApiError.badRequest(path(field), "Not one of the choices for " + what + ".");
            }
            chosen.add(choice);
        }
        return chosen;
    }

    /** A whole number from 0 to {@code max}, or null when absent. */
    Integer count(String field, int max) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
                || ((Number) value).longValue() > max) {
            throw ApiError.badRequest(path(field), "Must be a whole number from 0 to " + max + ".");
        }
        return ((Number) value).intValue();
    }

    /** true, false, or null when absent. */
    Boolean flag(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean bool)) {
            throw ApiError.badRequest(path(field), "Must be true or false.");
        }
        return bool;
    }

    /** A nested object, or null when absent. */
    JsonObject object(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiError.badRequest(path(field), "Must be an object.");
        }
        return object;
    }

    /** A list, empty when absent. */
    JsonArray list(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiError.badRequest(path(field), "Must be a list.");
        }
        return array;
    }
}
