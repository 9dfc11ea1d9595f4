package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * The prompt studio → every IVR, on {@link BusAddresses#PROMPTS_CHANGED}: the recordings of {@code key} in
 * {@code language} changed (a take was added, approved or rejected). The IVR reloads what it plays.
 */
public record PromptsChanged(String language, String key) {
    public JsonObject toJson() {
        return new JsonObject().put("language", language).put("key", key);
    }

    public static PromptsChanged fromJson(JsonObject json) {
        return new PromptsChanged(Json.required(json, "language"), Json.required(json, "key"));
    }
}
