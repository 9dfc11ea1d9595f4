package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeCallBuilderTest {

    @Test
    void sendsTheHeaderInAsteriskOrder() {
        FakeCall call = FakeCall.builder("127.0.0.1", 4573).uniqueId("1764332400.12").build();

        assertThat(call.header().keySet()).containsExactly("agi_network", "agi_network_script", "agi_request",
                "agi_channel", "agi_language", "agi_type", "agi_uniqueid", "agi_version", "agi_callerid",
                "agi_calleridname", "agi_callingpres", "agi_callingani2", "agi_callington", "agi_callingtns",
                "agi_dnid", "agi_rdnis", "agi_context", "agi_extension", "agi_priority", "agi_enhanced",
                "agi_accountcode", "agi_threadid");
        assertThat(call.header()).containsEntry("agi_network_script", "hotline")
                .containsEntry("agi_request", "agi://127.0.0.1:4573/hotline")
                .containsEntry("agi_type", "PJSIP")
                .containsEntry("agi_version", "22.10.1")
                .containsEntry("agi_callerid", "unknown")
                .containsEntry("agi_dnid", "1098")
                .containsEntry("agi_extension", "1098")
                .containsEntry("agi_accountcode", "");
        assertThat(AgiHeader.text(call.header())).startsWith("agi_network: yes\nagi_network_script: hotline\n")
                .contains("\nagi_accountcode: \n").endsWith("agi_threadid: 140000000000000\n\n");
    }

    @Test
    void overridesReplaceInPlaceAndExtrasAppend() {
        FakeCall call = FakeCall.builder("::1", 4573)
                .script("hotline-end")
                .channel("Local/1098@hotline-00000000;2")
                .header("agi_language", "prs")
                .header("agi_foo", "bar")
                .build();

        assertThat(call.header().keySet()).element(4).isEqualTo("agi_language");
        assertThat(call.header().keySet()).last().isEqualTo("agi_foo");
        assertThat(call.header()).containsEntry("agi_language", "prs")
                .containsEntry("agi_type", "Local")
                .containsEntry("agi_request", "agi://[::1]:4573/hotline-end");
    }

    @Test
    void generatesDistinctIdsAndChannels() {
        FakeCall first = FakeCall.builder("127.0.0.1", 4573).build();
        FakeCall second = FakeCall.builder("127.0.0.1", 4573).build();

        assertThat(first.uniqueId()).matches("\\d+\\.\\d+").isNotEqualTo(second.uniqueId());
        assertThat(first.header().get("agi_channel")).matches("PJSIP/trunk-[0-9a-f]{8}")
                .isNotEqualTo(second.header().get("agi_channel"));
    }

    @Test
    void aUniqueIdHeaderOverrideIsTheCallsId() {
        FakeCall call = FakeCall.builder("127.0.0.1", 4573).header("agi_uniqueid", "42.1").build();

        assertThat(call.uniqueId()).isEqualTo("42.1");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> FakeCall.builder("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeCall.builder("h", 1).press("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeCall.builder("h", 1).playbackTime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instantPrompts");
        assertThatThrownBy(() -> FakeCall.builder("h", 1).instantPrompts(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> FakeCall.builder("h", 1).instantPrompts(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeCall.builder("h", 1).pressDuring("f", '1', Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeCall.builder("h", 1).playbackTime(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesItselfWithoutCallerData() {
        FakeCall call = FakeCall.builder("127.0.0.1", 4573).callerId("+93700000001").callerIdName("Alice").build();

        assertThat(call.toString()).doesNotContain("+93700000001", "Alice");
    }
}
