package org.hotline.dispatch.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The body of the API's JSON requests. Whatever is not a JSON object is refused with a 400 that never echoes it:
 * a body can hold tip text, and the error goes to logs and screens.
 */
public final class JsonBody {
    static final String NOT_AN_OBJECT = "The request is not a JSON object.";

    private JsonBody() {
    }

    /** The body as a JSON object; an empty body, invalid JSON or any other JSON value is an {@link ApiError}. */
    public static JsonObject required(RoutingContext context) {
        JsonObject json = optional(context);
        if (json == null) {
            throw ApiError.badRequest(null, NOT_AN_OBJECT);
        }
        return json;
    }

    /**
     * The body as a JSON object, or null when there is none (for a form that answers an empty request with its own
     * sentence); invalid JSON or any other JSON value is an {@link ApiError}.
     */
    public static JsonObject optional(RoutingContext context) {
        try {
            return context.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw ApiError.badRequest(null, NOT_AN_OBJECT);
        }
    }
}
