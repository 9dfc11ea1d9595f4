package org.hotline.dispatch.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline.core.bus.BusAddresses;
import org.junit.jupiter.api.Test;

/**
 * The bridge lets through exactly the addresses the senders use, taken from the same {@link BusAddresses}
 * constants: the operator actions in, each operator's screen and the wallboard out, each with an authority.
 */
class BridgePermissionsTest {
    private final SockJSBridgeOptions options = BridgePermissions.options(Duration.ofSeconds(15));

    @Test
    void inboundIsOnlyTheOperatorActionsAndNeedsTheOperatorsAuthority() {
        assertThat(options.getInboundPermitteds()).singleElement().satisfies(permitted -> {
            assertThat(permitted.getAddress()).isSameAs(BusAddresses.OPERATOR_ACTIONS);
            assertThat(permitted.getAddressRegex()).isNull();
            assertThat(permitted.getRequiredAuthority()).isEqualTo(ScreenSession.TAKE_CALLS);
        });
    }

    @Test
    void outboundIsTheOperatorsScreensTheWallboardAndCallControlEachWithAnAuthority() {
        assertThat(options.getOutboundPermitteds()).hasSize(6).allSatisfy(permitted ->
                assertThat(permitted.getRequiredAuthority()).isNotBlank());
        PermittedOptions wallboard = options.getOutboundPermitteds().get(1);
        assertThat(wallboard.getAddress()).isSameAs(BusAddresses.WALLBOARD);
        assertThat(wallboard.getRequiredAuthority()).isEqualTo(ScreenSession.WATCH_FLOOR);
        PermittedOptions liveCalls = options.getOutboundPermitteds().get(4);
        assertThat(liveCalls.getAddress()).isSameAs(BusAddresses.LIVE_CALLS);
        assertThat(liveCalls.getRequiredAuthority()).isEqualTo(ScreenSession.WATCH_FLOOR);
        PermittedOptions escalations = options.getOutboundPermitteds().get(5);
        assertThat(escalations.getAddress()).isSameAs(BusAddresses.ESCALATIONS);
        assertThat(escalations.getRequiredAuthority()).isEqualTo(ScreenSession.WATCH_FLOOR);
        assertThat(options.getOutboundPermitteds().subList(2, 4)).extracting(PermittedOptions::getRequiredAuthority)
                .containsExactly(ScreenSession.TAKE_CALLS, ScreenSession.WATCH_FLOOR);
    }

    @Test
    void theCallControlPatternMatchesExactlyTheAddressesBusAddressesMakes() {
        Pattern notices = Pattern.compile(options.getOutboundPermitteds().get(2).getAddressRegex());
        for (int i = 0; i < 100; i++) {
            String operatorId = UUID.randomUUID().toString();
            String address = BusAddresses.callControlScreen(operatorId);
            assertThat(notices.matcher(address).matches()).as(address).isTrue();
            assertThat(BusAddresses.operatorOfCallControlScreen(address)).isEqualTo(operatorId);
        }
        String someone = UUID.randomUUID().toString();
        for (String other : new String[] {BusAddresses.LIVE_CALLS, BusAddresses.CALL_CONTROL,
                BusAddresses.SUPERVISION, BusAddresses.operatorScreen(someone),
                BusAddresses.callControlScreen(someone) + ".x", BusAddresses.callControlScreen("*"),
                BusAddresses.callControlScreen(someone.toUpperCase()), "x" + BusAddresses.callControlScreen(someone)}) {
            assertThat(notices.matcher(other).matches()).as(other).isFalse();
        }
    }

    @Test
    void theScreenPatternMatchesExactlyTheAddressesBusAddressesMakes() {
        Pattern screens = Pattern.compile(options.getOutboundPermitteds().getFirst().getAddressRegex());
        for (int i = 0; i < 100; i++) {
            String operatorId = UUID.randomUUID().toString();
            String address = BusAddresses.operatorScreen(operatorId);
            assertThat(screens.matcher(address).matches()).as(address).isTrue();
            assertThat(BusAddresses.operatorOfScreen(address)).isEqualTo(operatorId);
        }
        String someone = UUID.randomUUID().toString();
        for (String other : new String[] {BusAddresses.WALLBOARD, BusAddresses.OPERATOR_ACTIONS, BusAddresses.PRESENCE,
                BusAddresses.INTAKE, BusAddresses.ivrCall(someone), BusAddresses.operatorScreen(someone) + ".x",
                BusAddresses.operatorScreen(someone.toUpperCase()), BusAddresses.operatorScreen("*"),
                BusAddresses.operatorScreen(""), "x" + BusAddresses.operatorScreen(someone)}) {
            assertThat(screens.matcher(other).matches()).as(other).isFalse();
        }
    }

    @Test
    void addressLengthAndHandlersAreBounded() {
        assertThat(options.getMaxAddressLength()).isEqualTo(200);
        assertThat(options.getMaxHandlersPerSocket()).isLessThanOrEqualTo(6);
        assertThat(options.getPingTimeout()).isEqualTo(15_000);
        assertThat(BusAddresses.operatorScreen(UUID.randomUUID().toString()).length())
                .isLessThan(options.getMaxAddressLength());
    }
}
