package org.hotline.dispatch.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.core.call.Language;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.Role;

/**
 * Reads the people forms, refusing every wrong field at once (each next to its field on the page). The rules are
 * the {@code user add} command's (the same username rule): an operator needs languages and an endpoint, passwords have 12 characters or more.
 */
final class PeopleForm {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    /** What the profile form holds. */
    record Profile(String displayName, Set<Language> languages, boolean interpreter, String endpoint) {
    }

    /** A new person, and the password typed for them (null: generate one). */
    record Addition(NewOperator person, String password) {
    }

    private PeopleForm() {
    }

    static Addition addition(JsonObject json) {
        List<ApiError> problems = new ArrayList<>();
        String username = text(json, "username");
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(ApiError.badRequest("username",
                    "A username has 2 to 64 small letters, digits, dots, dashes or underscores, and starts with a letter."));
        }
        Role role = role(json, problems);
        Profile profile = profile(json, role, problems, username);
        String password = password(json, problems);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return new Addition(new NewOperator(username, profile.displayName(), role, profile.languages(),
                profile.interpreter(), profile.endpoint()), password);
    }

    /** The profile form, checked against the role the person has (an operator needs languages and an endpoint). */
    static Profile profile(JsonObject json, Role role) {
        List<ApiError> problems = new ArrayList<>();
        Profile profile = profile(json, role, problems, null);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return profile;
    }

    static Role role(JsonObject json) {
        List<ApiError> problems = new ArrayList<>();
        Role role = role(json, problems);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return role;
    }

    /** A typed password, or null when none was given (one is generated). */
    static String password(JsonObject json) {
        List<ApiError> problems = new ArrayList<>();
        String password = password(json, problems);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return password;
    }

    private static Role role(JsonObject json, List<ApiError> problems) {
        String code = text(json, "role");
        try {
            return Role.fromCode(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            problems.add(ApiError.badRequest("role", "Choose operator, manager or admin."));
            return null;
        }
    }

    private static Profile profile(JsonObject json, Role role, List<ApiError> problems, String fallbackName) {
        String displayName = text(json, "displayName");
        if (displayName == null) {
            displayName = fallbackName;
        }
        if (displayName == null || displayName.length() > 100) {
            problems.add(ApiError.badRequest("displayName", "A display name has 1 to 100 characters."));
        }
        Set<Language> languages = new LinkedHashSet<>();
        Object listed = json.getValue("languages");
        if (listed != null && !(listed instanceof JsonArray)) {
            problems.add(ApiError.badRequest("languages", "Languages are a list of language codes."));
        } else if (listed != null) {
            for (Object code : (JsonArray) listed) {
                Language language = code instanceof String s ? Language.byCode(s).orElse(null) : null;
                if (language == null) {
                    problems.add(ApiError.badRequest("languages", "Choose languages from the list."));
                    break;
                }
                languages.add(language);
            }
        }
        Object interpreter = json.getValue("interpreter", false);
        if (!(interpreter instanceof Boolean)) {
            problems.add(ApiError.badRequest("interpreter", "Interpreter is yes or no."));
            interpreter = false;
        }
        String endpoint = text(json, "endpoint");
        if (endpoint != null && (endpoint.length() > 64 || !Ids.isDialString(endpoint))) {
            problems.add(ApiError.badRequest("endpoint", "An endpoint looks like PJSIP/1001."));
        }
        if (role == Role.OPERATOR && languages.isEmpty() && problems.stream().noneMatch(p -> "languages".equals(p.field()))) {
            problems.add(ApiError.badRequest("languages", "An operator needs at least one language."));
        }
        if (role == Role.OPERATOR && endpoint == null) {
            problems.add(ApiError.badRequest("endpoint", "An operator needs an endpoint, for example PJSIP/1001."));
        }
        return new Profile(displayName, languages, (Boolean) interpreter, endpoint);
    }

    private static String password(JsonObject json, List<ApiError> problems) {
        Object value = json.getValue("password");
        if (value == null || value instanceof String s && s.isEmpty()) {
            return null;
        }
        if (!(value instanceof String password) || password.length() < MIN_PASSWORD_LENGTH
                || password.length() > 200) {
            problems.add(ApiError.badRequest("password", "A password has at least " + MIN_PASSWORD_LENGTH
                    + " characters; leave it empty to have one made."));
            return null;
        }
        return password;
    }

    /** A trimmed string field, or null when missing or blank. */
    private static String text(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        return s.strip();
    }
}
