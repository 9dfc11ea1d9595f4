package org.hotline.dispatch.api;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON answers of the API. Errors have the shape {@code {error, field}}, and a form refused for several fields
 * at once also {@code errors: [{field, error}]}. Nothing the API returns may be cached:
 * tips are sensitive, so every answer says {@code no-store}.
 */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    /** Said when the database cannot be reached for a read. */
    public static final String UNAVAILABLE = "The database is unavailable; try again in a moment.";

    private Replies() {
    }

    public static void json(RoutingContext context, int status, Object body) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(switch (body) {
                    case JsonObject object -> object.encode();
                    case JsonArray array -> array.encode();
                    default -> Json.encode(body);
                });
    }

    public static void error(RoutingContext context, int status, String message, String field) {
        JsonObject body = new JsonObject().put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        json(context, status, body);
    }

    /**
     * Answers a failed operation: an {@link ApiError} with its own status and message, anything else (the
     * database failing) with 503 and {@code unavailable}. The log line names the operation, the exception class
     * and the SQL state only; driver messages can quote stored values, which may be tip content.
     */
    public static void failure(RoutingContext context, String operation, Throwable cause, String unavailable) {
        if (cause instanceof ApiError refused && !refused.problems().isEmpty()) {
            JsonArray errors = new JsonArray();
            refused.problems().forEach(p -> errors.add(new JsonObject().put("field", p.field())
                    .put("error", p.getMessage())));
            json(context, refused.status(), new JsonObject().put("error", refused.getMessage())
                    .put("field", refused.field()).put("errors", errors));
            return;
        }
        if (cause instanceof ApiError refused) {
            error(context, refused.status(), refused.getMessage(), refused.field());
            return;
        }
        String sqlState = cause instanceof DataAccessException dae ? dae.sqlState() : "-";
        LOG.warn("{} failed: {} (SQL state {})", operation, cause.getClass().getSimpleName(), sqlState);
        error(context, 503, unavailable, null);
    }
}
