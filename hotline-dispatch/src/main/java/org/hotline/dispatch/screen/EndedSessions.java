package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.SessionsEnded;
import org.hotline.dispatch.operators.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a person's sessions when an admin disables them, changes their role or resets their password
 * ({@link SessionsEnded}, published to every node). Their bridge sockets close at once, and an operator leaves the
 * floor as on sign-out; each of their sessions signed in before that moment is ended on its next request (the
 * session stores cannot be searched by person), which then goes on as a signed-out visitor's: the sign-in page.
 *
 * <p>The moments are held in memory per node. A clustered node that restarts forgets them; a disabled person's
 * password no longer signs in anywhere, and their old session still expires at the absolute timeout.
 */
final class EndedSessions implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(EndedSessions.class);

    private record Ended(Instant at, String keepSessionId) {
    }

    private final BridgeGuard bridge;
    private final Clock clock;
    private final Map<String, Ended> ended = new ConcurrentHashMap<>();

    EndedSessions(BridgeGuard bridge, Clock clock) {
        this.bridge = bridge;
        this.clock = clock;
    }

    /** Listens for ended sessions on this node's bus. */
    void listen(Vertx vertx) {
        vertx.eventBus().<JsonObject>consumer(BusAddresses.SESSIONS_ENDED, message -> {
            SessionsEnded event = SessionsEnded.fromJson(message.body());
            ended.put(event.operatorId(), new Ended(clock.instant(), event.keepSessionId()));
            int closed = bridge.endPerson(event.operatorId(), event.keepSessionId());
            LOG.info("Ended the sessions of operator {} ({} screen sockets closed here)", event.operatorId(), closed);
        });
    }

    @Override
    public void handle(RoutingContext context) {
        Session session = context.session();
        if (session != null && !session.isDestroyed()) {
            Optional<SignedIn> who = SignedIn.of(context);
            Ended end = who.map(w -> ended.get(w.operatorId())).orElse(null);
            if (end != null && !session.id().equals(end.keepSessionId())
                    && ScreenSession.signedInAt(session).map(at -> !at.isAfter(end.at())).orElse(true)) {
                who.filter(w -> w.role() == Role.OPERATOR).ifPresent(w -> bridge.signedOut(w.operatorId()));
                bridge.closeAll(session);
                context.userContext().clear();
                LOG.info("Ended a session its person may no longer use (operator {})", who.get().operatorId());
            }
        }
        context.next();
    }
}
