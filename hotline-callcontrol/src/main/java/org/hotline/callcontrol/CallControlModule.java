package org.hotline.callcontrol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.hotline.core.config.Settings;

/**
 * Call control, assembled: deploys the verticle that owns the live calls and the AMI connection. With
 * {@code ami.host} empty it still answers every request, with "unavailable".
 */
public final class CallControlModule {
    private CallControlModule() {
    }

    /** Reads the settings (a missing secret file stops the start) and deploys; the future fails if it cannot. */
    public static Future<String> start(Settings settings, Vertx vertx, OperatorLookup operators) {
        return start(CallControlConfig.from(settings), vertx, operators);
    }

    public static Future<String> start(CallControlConfig config, Vertx vertx, OperatorLookup operators) {
        return vertx.deployVerticle(new CallControlVerticle(config, operators, Clock.systemUTC(), null, null));
    }

    /**
     * With on-call escalation too: EscalationNeeded pages the duty list in {@code escalations} over the same AMI
     * connection, and escalations a stop interrupted resume.
     */
    public static Future<String> start(Settings settings, Vertx vertx, OperatorLookup operators,
                                       EscalationStore escalations) {
        return vertx.deployVerticle(new CallControlVerticle(CallControlConfig.from(settings), operators,
                Clock.systemUTC(), EscalationConfig.from(settings), escalations));
    }
}
