package org.hotline.dispatch.screen;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.dispatch.operators.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a session that has lived longer than the absolute timeout since sign-in, however active it was: the
 * request goes on as a signed-out visitor's, the screen's sockets close, and an operator leaves the floor. (The
 * idle timeout is the session store's own: a session untouched that long is reaped.)
 */
final class AbsoluteTimeout implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(AbsoluteTimeout.class);

    private final Duration limit;
    private final BridgeGuard bridge;
    private final Clock clock;

    AbsoluteTimeout(Duration limit, BridgeGuard bridge, Clock clock) {
        this.limit = limit;
        this.bridge = bridge;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext context) {
        Session session = context.session();
        if (session != null && !session.isDestroyed()) {
            Optional<Instant> endsAt = ScreenSession.endsAt(session, limit);
            if (endsAt.isPresent() && !clock.instant().isBefore(endsAt.get())) {
                Optional<SignedIn> who = SignedIn.of(context);
                who.filter(w -> w.role() == Role.OPERATOR).ifPresent(w -> bridge.signedOut(w.operatorId()));
                bridge.closeAll(session);
                // Destroyed here; if a later handler stores anything, the store gives it a fresh, empty session.
                context.userContext().clear();
                LOG.info("Ended a session at its absolute timeout (operator {})",
                        who.map(SignedIn::operatorId).orElse("none"));
            }
        }
        context.next();
    }
}
