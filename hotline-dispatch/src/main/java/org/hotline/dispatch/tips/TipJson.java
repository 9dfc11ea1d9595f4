package org.hotline.dispatch.tips;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import org.hotline.core.tip.Choice;
import org.hotline.core.tip.ControlMethod;

/**
 * Tips as the API answers them. Field names match the submitted form. The summary appears only where the caller
 * of this class says the reader may see it, and list rows have no summary at all.
 */
final class TipJson {
    private TipJson() {
    }

    static JsonObject detail(StoredTip tip, boolean withSummary) {
        TipContent c = tip.content();
        Place place = c.place();
        Victims victims = c.victims();
        JsonObject json = new JsonObject()
                .put("id", tip.id())
                .put("operatorId", tip.operatorId())
                .put("createdAt", text(tip.createdAt()))
                .put("callId", c.callId())
                .put("contactType", code(c.contactType()))
                .put("signal", code(c.signal()))
                .put("callerType", code(c.callerType()))
                .put("traffickingType", code(c.traffickingType()))
                .put("form", code(c.form()))
                .put("recruitment", code(c.recruitment()))
                .put("control", new JsonArray(c.control().stream().sorted().map(ControlMethod::code).toList()))
                .put("country", code(place.country()))
                .put("region", code(place.region()))
                .put("origin", code(place.origin()))
                .put("transit", code(place.transit()))
                .put("destination", code(place.destination()))
                .put("crossBorder", tip.crossBorder())
                .put("victims", new JsonObject().put("count", victims.count()).put("minors", victims.minors())
                        .put("female", victims.female()).put("male", victims.male())
                        .put("otherGender", victims.otherGender()))
                .put("urgency", code(c.urgency()))
                .put("imminentDanger", c.imminentDanger())
                .put("consent", code(c.consent()))
                .put("lawEnforcement", code(c.lawEnforcement()))
                .put(DangerAnswers.FIELD, DangerAnswers.json(c.danger()));
        if (withSummary) {
            // Addenda are free text like the summary: the same readers only.
            JsonArray addenda = new JsonArray();
            tip.addenda().forEach(a -> addenda.add(addendum(a)));
            json.put("summary", c.summary()).put("addenda", addenda);
        }
        JsonArray referrals = new JsonArray();
        tip.referrals().forEach(r -> referrals.add(referral(r)));
        return json.put("referrals", referrals);
    }

    static JsonObject referral(StoredReferral r) {
        JsonArray history = new JsonArray();
        r.history().forEach(h -> history.add(new JsonObject().put("from", code(h.from())).put("to", code(h.to()))
                .put("at", text(h.at())).put("by", h.byOperatorId()).put("note", h.note())
                .put("dueOn", date(h.dueOn())).put("consentBasis", code(h.consentBasis()))));
        return new JsonObject()
                .put("id", r.id())
                .put("tipId", r.tipId())
                .put("partnerId", r.partnerId())
                .put("partnerName", r.partnerName())
                .put("partnerCountry", r.partnerCountry())
                .put("service", code(r.service()))
                .put("consent", r.consent())
                .put("crossBorder", r.crossBorder())
                .put("status", code(r.status()))
                .put("dueOn", date(r.dueOn()))
                .put("consentBasis", code(r.consentBasis()))
                .put("history", history);
    }

    static JsonObject addendum(Addendum a) {
        return new JsonObject().put("id", a.id()).put("tipId", a.tipId()).put("authorId", a.authorId())
                .put("authorName", a.authorName()).put("at", text(a.at())).put("text", a.text());
    }

    static JsonObject row(TipRow r) {
        return new JsonObject()
                .put("id", r.id())
                .put("operatorId", r.operatorId())
                .put("operatorName", r.operatorName())
                .put("createdAt", text(r.createdAt()))
                .put("callId", r.callId())
                .put("contactType", code(r.contactType()))
                .put("signal", code(r.signal()))
                .put("traffickingType", code(r.traffickingType()))
                .put("country", code(r.country()))
                .put("region", code(r.region()))
                .put("urgency", code(r.urgency()))
                .put("imminentDanger", r.imminentDanger())
                .put("crossBorder", r.crossBorder())
                .put("victimsCount", r.victimsCount())
                .put("minors", r.minors())
                .put("referrals", r.referrals());
    }

    private static String code(Choice choice) {
        return choice == null ? null : choice.code();
    }

    private static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static String text(Instant instant) {
        return instant.toString();
    }
}
