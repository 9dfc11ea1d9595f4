package org.hotline.callcontrol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallControlReply.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a decision's effects in order on the event loop: AMI actions one after the other (each waits for
 * Asterisk's response, or its timeout), bus messages at once. The first AMI action that fails stops the rest.
 */
final class EffectRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EffectRunner.class);

    /** An action's result: null problem on Success. */
    record Outcome(Problem problem, String message) {
    }

    /** The action that failed, and why. */
    record Failure(Effect.Action action, Problem problem) {
    }

    private final EventBus bus;
    private final Function<Effect.Action, Future<Outcome>> ami;
    private final Consumer<Effect.LookUpOwner> lookUp;

    EffectRunner(Vertx vertx, EventBus bus, Function<Effect.Action, Future<Outcome>> ami,
                 Consumer<Effect.LookUpOwner> lookUp) {
        this.bus = bus;
        this.ami = ami;
        this.lookUp = lookUp;
    }

    /** Runs the effects; the future holds the first failure, or null when all went through. */
    Future<Failure> run(List<Effect> effects) {
        return run(effects, 0, true);
    }

    /** Runs every effect; a failed action is logged and the rest still run (undoing, cleaning up). */
    void runBestEffort(List<Effect> effects) {
        run(effects, 0, false);
    }

    private Future<Failure> run(List<Effect> effects, int from, boolean stopOnFailure) {
        for (int i = from; i < effects.size(); i++) {
            Effect effect = effects.get(i);
            if (effect instanceof Effect.Action action) {
                int next = i + 1;
                return ami.apply(action).compose(outcome -> {
                    if (outcome.problem() == null) {
                        return run(effects, next, stopOnFailure);
                    }
                    if (stopOnFailure) {
                        return Future.succeededFuture(new Failure(action, outcome.problem()));
                    }
                    // Asterisk's own words (e.g. "No such channel"): never caller data, only our names.
                    LOG.info("AMI {} on call {} not done: {} {}", action.getClass().getSimpleName(), action.callId(),
                            outcome.problem().code(), outcome.message() == null ? "" : outcome.message());
                    return run(effects, next, false);
                });
            }
            publish(effect);
        }
        return Future.succeededFuture(null);
    }

    private void publish(Effect effect) {
        switch (effect) {
            case Effect.Notify n -> {
                if (n.personId() != null) {
                    bus.publish(BusAddresses.callControlScreen(n.personId()), n.notice().toJson());
                }
            }
            case Effect.OwnerChanged o -> bus.publish(BusAddresses.CALL_OWNER_CHANGED, o.change().toJson());
            case Effect.Supervised s -> bus.publish(BusAddresses.SUPERVISION, s.record().toJson());
            case Effect.LookUpOwner l -> lookUp.accept(l);
            case Effect.Action a -> throw new IllegalStateException("actions are sent, not published");
        }
    }
}
