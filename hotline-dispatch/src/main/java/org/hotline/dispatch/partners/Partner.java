package org.hotline.dispatch.partners;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An organisation in the directory. No personal contacts: the directory names organisations only.
 *
 * @param servicesConfirmed whether the network has confirmed the services listed
 */
record Partner(String id, String name, String country, String city, String kind, List<String> services,
               List<String> languages, boolean servicesConfirmed) {

    JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("country", country).put("city", city)
                .put("kind", kind).put("services", new JsonArray(services)).put("languages", new JsonArray(languages))
                .put("servicesStatus", servicesConfirmed ? "confirmed" : "unconfirmed");
    }
}
