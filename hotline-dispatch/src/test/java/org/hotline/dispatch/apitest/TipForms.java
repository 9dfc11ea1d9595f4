package org.hotline.dispatch.apitest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Tip forms as the screen posts them. */
public final class TipForms {
    /** A summary that must never leave the permitted readers: tests search logs and bus traffic for it. */
    public static final String SECRET_SUMMARY = "Three workers held at a brick kiln near Herat, owner named Zarif";

    private TipForms() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A complete substantive tip in Afghanistan (Herat), cross-border through Iran to Turkey, no referrals. */
    public static JsonObject substantive(String id) {
        return new JsonObject()
                .put("id", id)
                .put("contactType", "substantive")
                .put("signal", "tip")
                .put("callerType", "family-friend")
                .put("traffickingType", "labour")
                .put("form", "bonded-labour")
                .put("recruitment", "job-offer")
                .put("control", new JsonArray().add("debt").add("confiscated-documents"))
                .put("country", "AF")
                .put("region", "AF-HER")
                .put("origin", "AF")
                .put("transit", "IR")
                .put("destination", "TR")
                .put("victims", new JsonObject().put("count", 3).put("minors", true).put("female", 1).put("male", 2)
                        .put("otherGender", 0))
                .put("urgency", "urgent")
                .put("imminentDanger", false)
                .put("consent", "share")
                .put("lawEnforcement", "none")
                .put("summary", SECRET_SUMMARY);
    }

    public static JsonObject referral(String partnerId, String service, boolean consent) {
        return new JsonObject().put("partnerId", partnerId).put("service", service).put("consent", consent);
    }

    /** A substantive tip with one referral to IOM Afghanistan (same country) and one to LHRLA Pakistan. */
    public static JsonObject withTwoReferrals(String id) {
        return substantive(id).put("referrals", new JsonArray()
                .add(referral("af-iom", "return-reintegration", true))
                .add(referral("pk-lhrla", "legal-aid", false)));
    }
}
