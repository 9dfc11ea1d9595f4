package org.hotline.dispatch.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginCheckTest {
    private final OriginCheck check = new OriginCheck(List.of("http://127.0.0.1:8080", "http://localhost:8080/"),
            false);

    @Test
    void configuredOriginsAndTheServersOwnHostPass() {
        assertThat(check.permitted("http://127.0.0.1:8080", "example.org")).isTrue();
        assertThat(check.permitted("http://LOCALHOST:8080", null)).isTrue();
        assertThat(check.permitted("http://hotline.lan:9000", "hotline.lan:9000")).isTrue();
    }

    @Test
    void otherOriginsFail() {
        assertThat(check.permitted("http://evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(check.permitted("https://127.0.0.1:8080", "127.0.0.1:8080")).isFalse();
        assertThat(check.permitted("http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(check.permitted("null", "127.0.0.1:8080")).isFalse();
        assertThat(check.permitted("http://hotline.lan:9000", "")).isFalse();
    }
}
