package org.hotline.core.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Call control → managers' browsers through the bridge, publish on {@link BusAddresses#LIVE_CALLS} (and the reply
 * to an empty request on {@link BusAddresses#LIVE_CALLS_NOW}): whether call control works, and the calls in
 * conference now. No caller data: call ids and operator ids only.
 */
public record LiveCalls(boolean available, List<Call> calls) {

    /**
     * @param callId      the call
     * @param operatorId  who has it, or null while not known
     * @param state       {@code talking}, {@code transferring}
     * @param interpreter whether an interpreter is on the line
     * @param supervisors how many supervisors are on it
     * @param transferTo  the colleague a transfer is offered to, or null: they may read the call's draft tip
     */
    public record Call(String callId, String operatorId, String state, boolean interpreter, int supervisors,
                       String transferTo) {
        JsonObject toJson() {
            return new JsonObject().put("callId", callId).put("operatorId", operatorId).put("state", state)
                    .put("interpreter", interpreter).put("supervisors", supervisors).put("transferTo", transferTo);
        }

        static Call fromJson(JsonObject json) {
            return new Call(json.getString("callId"), json.getString("operatorId"), json.getString("state"),
                    json.getBoolean("interpreter", false), json.getInteger("supervisors", 0),
                    json.getString("transferTo"));
        }
    }

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        calls.forEach(c -> array.add(c.toJson()));
        return new JsonObject().put("available", available).put("calls", array);
    }

    public static LiveCalls fromJson(JsonObject json) {
        JsonArray array = json.getJsonArray("calls", new JsonArray());
        return new LiveCalls(json.getBoolean("available", false),
                array.stream().map(o -> Call.fromJson((JsonObject) o)).toList());
    }
}
