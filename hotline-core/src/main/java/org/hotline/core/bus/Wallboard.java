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
 * @param alerts              the thresholds a manager set that this board crosses (shown and sounded)
 */
public record Wallboard(Map<String, Integer> waitingByLanguage, Map<String, Integer> waitingByPriority,
                        long longestWaitSeconds, Map<String, Integer> operatorsByState,
                        Map<String, Integer> operatorsByLanguage, int answeredToday, int abandonedToday,
                        java.util.List<WrapUp> wrapUps, java.util.List<Alert> alerts) {

    /** A board without alerts. */
    public Wallboard(Map<String, Integer> waitingByLanguage, Map<String, Integer> waitingByPriority,
                     long longestWaitSeconds, Map<String, Integer> operatorsByState,
                     Map<String, Integer> operatorsByLanguage, int answeredToday, int abandonedToday,
                     java.util.List<WrapUp> wrapUps) {
        this(waitingByLanguage, waitingByPriority, longestWaitSeconds, operatorsByState, operatorsByLanguage,
                answeredToday, abandonedToday, wrapUps, java.util.List.of());
    }

    /**
     * A threshold crossed.
     *
     * @param kind      {@code service-level} (percent, below), {@code longest-wait} (seconds, over) or
     *                  {@code emergencies-waiting} (calls, at least)
     * @param value     the board's value
     * @param threshold the manager's threshold
     */
    public record Alert(String kind, long value, long threshold) {
        public JsonObject toJson() {
            return new JsonObject().put("kind", kind).put("value", value).put("threshold", threshold);
        }
    }

    /** The same board with these alerts. */
    public Wallboard withAlerts(java.util.List<Alert> raised) {
        return new Wallboard(waitingByLanguage, waitingByPriority, longestWaitSeconds, operatorsByState,
                operatorsByLanguage, answeredToday, abandonedToday, wrapUps, raised);
    }

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
        alerts = java.util.List.copyOf(alerts);
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
                .put("wrapUps", new io.vertx.core.json.JsonArray(wrapUps.stream().map(WrapUp::toJson).toList()))
                .put("alerts", new io.vertx.core.json.JsonArray(alerts.stream().map(Alert::toJson).toList()));
    }
}
