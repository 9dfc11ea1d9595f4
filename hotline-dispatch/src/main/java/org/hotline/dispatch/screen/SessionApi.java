package org.hotline.dispatch.screen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.call.Language;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.dispatch.operators.Role;

/**
 * {@code GET /api/session}: who is signed in, and everything the page needs to talk to the bridge. The bus
 * addresses come from {@link BusAddresses} here, so the script never spells one; each person is told only the
 * addresses they may use. Language names are sent too, so the pages show each language in its own script and
 * direction from one declaration.
 */
final class SessionApi {
    /** The bridge's plain WebSocket. */
    static final String BRIDGE_PATH = ScreenRoutes.BRIDGE + "/websocket";
    /** How often the page pings the bridge; well inside the bridge's idle timeout. */
    static final long PING_MILLIS = 5_000;

    private final Duration absoluteTimeout;
    private final ZoneId zone;
    private final Clock clock;

    SessionApi(Duration absoluteTimeout, ZoneId zone, Clock clock) {
        this.absoluteTimeout = absoluteTimeout;
        this.zone = zone;
        this.clock = clock;
    }

    void handle(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        JsonObject profile = ScreenSession.profile(context.session());
        JsonObject addresses = new JsonObject().put("callControl", BusAddresses.callControlScreen(who.operatorId()));
        if (who.role() == Role.OPERATOR) {
            addresses.put("screen", BusAddresses.operatorScreen(who.operatorId()))
                    .put("actions", BusAddresses.OPERATOR_ACTIONS);
        }
        if (who.role().canManage()) {
            addresses.put("wallboard", BusAddresses.WALLBOARD).put("liveCalls", BusAddresses.LIVE_CALLS)
                    .put("escalations", BusAddresses.ESCALATIONS);
        }
        JsonArray languages = new JsonArray();
        for (Language language : Language.values()) {
            languages.add(new JsonObject().put("code", language.code()).put("name", language.englishName())
                    .put("nativeName", language.nativeName()).put("rtl", language.rightToLeft()));
        }
        JsonArray interfaceLanguages = new JsonArray();
        for (UiLanguage language : UiLanguage.values()) {
            interfaceLanguages.add(new JsonObject().put("code", language.code())
                    .put("nativeName", language.nativeName()).put("dir", language.dir()));
        }
        JsonObject body = new JsonObject()
                .put("operatorId", who.operatorId())
                .put("username", who.username())
                .put("displayName", profile.getString("displayName", who.username()))
                .put("role", who.role().code())
                .put("languages", profile.getJsonArray("languages", new JsonArray()))
                .put("addresses", addresses)
                .put("bridge", BRIDGE_PATH)
                .put("pingMillis", PING_MILLIS)
                .put("languageNames", languages)
                // The screen's language (the person's choice, English if none) and the choices for the picker.
                .put("interfaceLanguage", ScreenLanguage.ofSession(context).code())
                .put("interfaceLanguages", interfaceLanguages)
                .put("serverTime", clock.millis())
                // The one zone every page shows times in (common.js formats them, 24-hour).
                .put("timeZone", zone.getId());
        ScreenSession.endsAt(context.session(), absoluteTimeout).ifPresent(at -> body.put("endsAt", at.toEpochMilli()));
        context.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }
}
