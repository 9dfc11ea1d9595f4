package org.hotline.dispatch.screen;

import org.hotline.core.id.Ids;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import java.time.Duration;
import java.util.regex.Pattern;
import org.hotline.core.bus.BusAddresses;

/**
 * What the browser bridge lets through, built only from {@link BusAddresses}: inbound, the operator actions;
 * outbound, the operators' own screen addresses (exactly the shape {@link BusAddresses#operatorScreen} makes) and
 * the wallboard. Each carries a required authority. Everything else is denied, which is the bridge's default.
 * {@link BridgeGuard} narrows further per session (one's own screen address only).
 */
final class BridgePermissions {
    /** Longest address the bridge accepts; our own are far shorter. */
    static final int MAX_ADDRESS_LENGTH = 200;
    /**
     * Handlers one socket may hold: its screen or the wallboard, its call-control notices, the live calls, with
     * room for a reconnect's overlap.
     */
    static final int MAX_HANDLERS_PER_SOCKET = 6;

    private BridgePermissions() {
    }

    /** The exact shape of an operator's screen address: the prefix BusAddresses uses, then an operator id. */
    static String operatorScreenPattern() {
        return Pattern.quote(BusAddresses.operatorScreen("")) + Ids.UUID;
    }

    /** The exact shape of a person's call-control address: the prefix BusAddresses uses, then an operator id. */
    static String callControlScreenPattern() {
        return Pattern.quote(BusAddresses.callControlScreen("")) + Ids.UUID;
    }

    /** Operators hear about their calls (transfers, interpreters, a supervisor on the line). */
    static PermittedOptions operatorCallControl() {
        return new PermittedOptions().setAddressRegex(callControlScreenPattern())
                .setRequiredAuthority(ScreenSession.TAKE_CALLS);
    }

    /** Supervisors hear about their own supervision sessions. */
    static PermittedOptions supervisorCallControl() {
        return new PermittedOptions().setAddressRegex(callControlScreenPattern())
                .setRequiredAuthority(ScreenSession.WATCH_FLOOR);
    }

    static PermittedOptions liveCalls() {
        return new PermittedOptions().setAddress(BusAddresses.LIVE_CALLS).setRequiredAuthority(ScreenSession.WATCH_FLOOR);
    }

    static PermittedOptions operatorActions() {
        return new PermittedOptions().setAddress(BusAddresses.OPERATOR_ACTIONS)
                .setRequiredAuthority(ScreenSession.TAKE_CALLS);
    }

    static PermittedOptions operatorScreens() {
        return new PermittedOptions().setAddressRegex(operatorScreenPattern())
                .setRequiredAuthority(ScreenSession.TAKE_CALLS);
    }

    /** Managers see each on-call escalation live (names only; never a duty phone). */
    static PermittedOptions escalations() {
        return new PermittedOptions().setAddress(BusAddresses.ESCALATIONS)
                .setRequiredAuthority(ScreenSession.WATCH_FLOOR);
    }

    static PermittedOptions wallboard() {
        return new PermittedOptions().setAddress(BusAddresses.WALLBOARD).setRequiredAuthority(ScreenSession.WATCH_FLOOR);
    }

    static SockJSBridgeOptions options(Duration idleTimeout) {
        return new SockJSBridgeOptions()
                .addInboundPermitted(operatorActions())
                .addOutboundPermitted(operatorScreens())
                .addOutboundPermitted(wallboard())
                .addOutboundPermitted(operatorCallControl())
                .addOutboundPermitted(supervisorCallControl())
                .addOutboundPermitted(liveCalls())
                .addOutboundPermitted(escalations())
                .setMaxAddressLength(MAX_ADDRESS_LENGTH)
                .setMaxHandlersPerSocket(MAX_HANDLERS_PER_SOCKET)
                .setPingTimeout(idleTimeout.toMillis());
    }
}
