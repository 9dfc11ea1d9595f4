package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The managers' live view, published on {@link BusAddresses#WALLBOARD}: counts only, no caller data.
 *
 * @param waitingByLanguage   calls waiting, by language code
 * @param waitingByPriority   calls waiting, by priority
 * @param longestWaitSeconds  the longest current wait
 * @param operatorsByState    operators by state code
 * @param operatorsByLanguage available operators by language code
 * @param answeredToday       calls handed to an operator since local midnight
 * @param abandonedToday      callers who hung up in the queue since local midnight
 * @param wrapUps             who is in wrap-up (display name) and for how long, longest first
 */
public record Wallboard(Map<String, Integer> waitingByLanguage, Map<String, Integer> waitingByPriority,
                        long longestWaitSeconds, Map<String, Integer> operatorsByState,
                        Map<String, Integer> operatorsByLanguage, int answeredToday, int abandonedToday,
                        java.util.List<WrapUp> wrapUps) {

    /**
     * One operator in wrap-up.
     *
     * @param seconds     how long so far
     * @param overSeconds how far past the planned end (0 while within it)
     */
    public record WrapUp(String name, long seconds, long overSeconds) {
        public JsonObject toJson() {
            return new JsonObject().put("name", name).put("seconds", seconds).put("overSeconds", overSeconds);
        }
    }

    public Wallboard {
        wrapUps = java.util.List.copyOf(wrapUps);
    }

    public JsonObject toJson() {
        return new JsonObject().put("type", "wallboard")
                .put("waitingByLanguage", new JsonObject(Map.copyOf(waitingByLanguage)))
                .put("waitingByPriority", new JsonObject(Map.copyOf(waitingByPriority)))
                .put("longestWaitSeconds", longestWaitSeconds)
                .put("operatorsByState", new JsonObject(Map.copyOf(operatorsByState)))
                .put("operatorsByLanguage", new JsonObject(Map.copyOf(operatorsByLanguage)))
                .put("answeredToday", answeredToday)
                .put("abandonedToday", abandonedToday)
                .put("wrapUps", new io.vertx.core.json.JsonArray(wrapUps.stream().map(WrapUp::toJson).toList()));
    }
}
