package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.core.call.Priority;
import org.hotline.core.call.Purpose;

/**
 * A caller ready for an operator, sent by the IVR to dispatch on {@link BusAddresses#INTAKE}. It carries
 * the caller's pseudonym and coarse country, never a number or name.
 *
 * @param callId           our call id
 * @param asteriskUniqueId Asterisk's channel id
 * @param language         the language chosen (or defaulted)
 * @param purpose          the purpose chosen
 * @param priority         routing priority (emergency for the danger option)
 * @param pseudonym        HMAC pseudonym of the caller's number, or null when withheld
 * @param country          ISO country of the dialling code, or null
 * @param steps            the time of each step so far
 */
public record CallIntake(String callId, String asteriskUniqueId, Language language, Purpose purpose,
                         Priority priority, String pseudonym, String country, Map<CallStep, Instant> steps) {

    public CallIntake {
        steps = steps.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(steps));
    }

    public JsonObject toJson() {
        JsonObject stepTimes = new JsonObject();
        steps.forEach((step, at) -> stepTimes.put(step.code(), at.toString()));
        return new JsonObject()
                .put("callId", callId)
                .put("asteriskUniqueId", asteriskUniqueId)
                .put("language", language.code())
                .put("purpose", purpose.code())
                .put("priority", priority.code())
                .put("pseudonym", pseudonym)
                .put("country", country)
                .put("steps", stepTimes);
    }

    public static CallIntake fromJson(JsonObject json) {
        Map<CallStep, Instant> steps = new EnumMap<>(CallStep.class);
        JsonObject stepTimes = json.getJsonObject("steps", new JsonObject());
        for (String step : stepTimes.fieldNames()) {
            steps.put(CallStep.fromCode(step), Instant.parse(stepTimes.getString(step)));
        }
        return new CallIntake(Json.required(json, "callId"), Json.required(json, "asteriskUniqueId"),
                Language.requireCode(Json.required(json, "language")),
                Purpose.fromCode(Json.required(json, "purpose")),
                Priority.fromCode(Json.required(json, "priority")), json.getString("pseudonym"),
                json.getString("country"), steps);
    }
}
