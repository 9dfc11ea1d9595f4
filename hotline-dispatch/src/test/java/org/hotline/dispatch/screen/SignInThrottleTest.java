package org.hotline.dispatch.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Growing waits, counted per name and per address, never a lockout. */
class SignInThrottleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(15));

    @Test
    void theFreeFailuresPassThenEachWaitDoublesUpToTheLongest() {
        Instant now = T0;
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor("amina", "10.0.0.1", now)).isZero();
            throttle.begin("amina", "10.0.0.1", now);
        }
        assertThat(throttle.waitFor("amina", "10.0.0.1", now)).isEqualTo(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(throttle.waitFor("amina", "10.0.0.1", now)).isZero();
        throttle.begin("amina", "10.0.0.1", now);
        assertThat(throttle.waitFor("amina", "10.0.0.1", now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(40, 3)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aNameIsThrottledFromEveryAddressAndAnAddressForEveryName() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("amina", "10.0.0." + i, T0);
        }
        assertThat(throttle.waitFor("amina", "10.0.0.99", T0)).isPositive();
        assertThat(throttle.waitFor("farid", "10.0.0.99", T0)).isZero();
        for (int i = 0; i < 10; i++) {
            throttle.begin("name" + i, "10.0.0.50", T0);
        }
        assertThat(throttle.waitFor("farid", "10.0.0.50", T0)).isPositive();
    }

    @Test
    void theRightPasswordAfterTheWaitClearsTheNameButOnlyForgivesTheAddressOneTry() {
        for (int i = 0; i < 12; i++) {
            throttle.begin("amina", "10.0.0.1", T0);
        }
        Instant later = T0.plusSeconds(60);
        assertThat(throttle.waitFor("amina", "10.0.0.1", later)).isZero();
        throttle.begin("amina", "10.0.0.1", later);
        throttle.succeeded("amina", "10.0.0.1");
        assertThat(throttle.waitFor("amina", "10.0.0.2", later)).isZero();
        assertThat(throttle.failuresFromAddress("10.0.0.1")).isEqualTo(12);
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriodAndMemoryIsBounded() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("amina", "10.0.0.1", T0);
        }
        assertThat(throttle.waitFor("amina", "10.0.0.1", T0.plus(Duration.ofMinutes(15)))).isZero();
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES + 500; i++) {
            throttle.begin("name" + i, "10.1.0.1", T0.plus(Duration.ofMinutes(20)));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(SignInThrottle.MAX_ENTRIES);
    }
}
