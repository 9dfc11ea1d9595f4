package org.hotline.acceptance.faults;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every tip submission got, as the operators' screens saw it: acknowledged (201, or 200 for a repeat of a
 * saved id), unanswered (the server died mid-request, so the form still holds the tip and sends it again), or
 * refused (any other answer, which a healthy server never gives these well-formed tips). Thread-safe.
 */
final class TipLedger {
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, List<JsonObject>> unanswered = new ConcurrentHashMap<>();
    private final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Records the answer {@code username}'s screen got for {@code tip}; null status means no answer came. */
    void answered(String username, JsonObject tip, Integer status) {
        String id = tip.getString("id");
        if (status == null) {
            unanswered.computeIfAbsent(username, name -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(tip);
        } else if (status == 201 || status == 200) {
            acknowledged.add(id);
        } else {
            refused.add(id + " answered " + status);
        }
    }

    /** The tips {@code username}'s form still holds, handed over for sending again (and forgotten here). */
    List<JsonObject> takeUnanswered(String username) {
        List<JsonObject> tips = unanswered.remove(username);
        return tips == null ? List.of() : List.copyOf(tips);
    }

    /** Operators whose forms still hold a tip. */
    Set<String> withUnanswered() {
        return Set.copyOf(unanswered.keySet());
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }
}
