package org.hotline.dispatch.screen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.PermissionBasedAuthorization;
import io.vertx.ext.web.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.Role;

/**
 * What a signed-in session holds besides its {@link SignedIn}: when the person signed in (for the absolute
 * timeout) and what the screen shows of them. Also the bridge authorities of each role, carried by the session's
 * Vert.x {@link User} so the bridge's own {@code requiredAuthority} check agrees with our event handler.
 */
final class ScreenSession {
    /** Bridge authority: receive one's own screen messages and send operator actions. */
    static final String TAKE_CALLS = "hotline:take-calls";
    /** Bridge authority: receive the wallboard. */
    static final String WATCH_FLOOR = "hotline:watch-floor";

    private static final String SIGNED_IN_AT = "signedInAt";
    static final String PROFILE = "profile";
    /** The profile's screen language (a bundle code), as the person chose it. */
    static final String INTERFACE_LANGUAGE = "interfaceLanguage";
    private static final String AUTHORIZATION_PROVIDER = "hotline-screen";

    private ScreenSession() {
    }

    /** Fills a freshly regenerated session for {@code operator}. */
    static SignedIn start(Session session, Operator operator, String interfaceLanguage, Instant now) {
        SignedIn who = new SignedIn(operator.id(), operator.username(), operator.role());
        who.store(session);
        session.put(SIGNED_IN_AT, now.toEpochMilli());
        JsonArray languages = new JsonArray();
        operator.languages().stream().map(Language::code).sorted().forEach(languages::add);
        session.put(PROFILE, new JsonObject().put("displayName", operator.displayName()).put("languages", languages)
                .put(INTERFACE_LANGUAGE, interfaceLanguage));
        return who;
    }

    /** The display name and languages stored at sign-in. */
    static JsonObject profile(Session session) {
        JsonObject profile = session.get(PROFILE);
        return profile == null ? new JsonObject() : profile;
    }

    /** When the person signed in on this session, if anyone did. */
    static Optional<Instant> signedInAt(Session session) {
        Long at = session.get(SIGNED_IN_AT);
        return at == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** When this session's absolute lifetime ends, if someone is signed in on it. */
    static Optional<Instant> endsAt(Session session, Duration absoluteTimeout) {
        Long at = session.get(SIGNED_IN_AT);
        return at == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at).plus(absoluteTimeout));
    }

    /**
     * Whether the session is still usable at {@code now}: not destroyed (signed out), not idle past its timeout,
     * and within its absolute lifetime. Never touches a destroyed session's data, which would revive it.
     */
    static boolean alive(Session session, Duration absoluteTimeout, Instant now) {
        if (session == null || session.isDestroyed()) {
            return false;
        }
        if (now.toEpochMilli() - session.lastAccessed() > session.timeout()) {
            return false;
        }
        return endsAt(session, absoluteTimeout).map(now::isBefore).orElse(true);
    }

    /** The Vert.x user of a session, with the bridge authorities of their role. */
    static User user(SignedIn who) {
        User user = User.fromName(who.username());
        user.principal().put("operatorId", who.operatorId());
        if (who.role() == Role.OPERATOR) {
            user.authorizations().put(AUTHORIZATION_PROVIDER, PermissionBasedAuthorization.create(TAKE_CALLS));
        }
        if (who.role().canManage()) {
            user.authorizations().put(AUTHORIZATION_PROVIDER, PermissionBasedAuthorization.create(WATCH_FLOOR));
        }
        return user;
    }
}
