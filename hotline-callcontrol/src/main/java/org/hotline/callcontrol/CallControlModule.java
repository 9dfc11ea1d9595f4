package org.hotline.callcontrol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackVault;
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
        return deploy(CallControlConfig.from(settings), vertx, operators, null, null, callbacks(settings));
    }

    public static Future<String> start(CallControlConfig config, Vertx vertx, OperatorLookup operators) {
        return deploy(config, vertx, operators, null, null, null);
    }

    /** With {@code callbacks} null (callbacks turned off) a callback dial is answered "unavailable". */
    public static Future<String> start(CallControlConfig config, Vertx vertx, OperatorLookup operators,
                                       CallbackConfig callbacks) {
        return deploy(config, vertx, operators, null, null, callbacks);
    }

    /**
     * With on-call escalation too: EscalationNeeded pages the duty list in {@code escalations} over the same AMI
     * connection, and escalations a stop interrupted resume.
     */
    public static Future<String> start(Settings settings, Vertx vertx, OperatorLookup operators,
                                       EscalationStore escalations) {
        return deploy(CallControlConfig.from(settings), vertx, operators, EscalationConfig.from(settings),
                escalations, callbacks(settings));
    }

    private static CallbackConfig callbacks(Settings settings) {
        CallbackConfig callbacks = CallbackConfig.from(settings);
        return callbacks.enabled() ? callbacks : null;
    }

    private static Future<String> deploy(CallControlConfig config, Vertx vertx, OperatorLookup operators,
                                         EscalationConfig escalationConfig, EscalationStore escalations,
                                         CallbackConfig callbacks) {
        // Opened here, off the event loop: the vault reads its key file and makes its directory.
        CallbackVault vault = callbacks == null ? null : CallbackVault.open(callbacks);
        return vertx.deployVerticle(new CallControlVerticle(config, operators, Clock.systemUTC(), escalationConfig,
                escalations, callbacks, vault));
    }
}
