package dev.mgmt.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthStatusNearExpiryTest {
    static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

    private static boolean near(Duration lifetime, Duration left) {
        Instant expires = T0.plus(lifetime);
        return AuthStatusCommand.nearExpiry(T0, expires.minus(left), expires);
    }

    @Test
    void a_tenth_of_the_lifetime_is_the_threshold() {
        assertFalse(near(Duration.ofHours(1), Duration.ofMinutes(57)));
        assertFalse(near(Duration.ofHours(1), Duration.ofMinutes(7)));
        assertTrue(near(Duration.ofHours(1), Duration.ofMinutes(5)));
    }

    @Test
    void a_long_lived_token_warns_on_its_last_day_only() {
        assertFalse(near(Duration.ofDays(30), Duration.ofDays(2)));
        assertTrue(near(Duration.ofDays(30), Duration.ofHours(23)));
    }

    @Test
    void without_an_issue_time_only_the_last_minutes_warn() {
        Instant expires = T0.plus(Duration.ofHours(1));
        assertFalse(AuthStatusCommand.nearExpiry(null, expires.minus(Duration.ofMinutes(30)), expires));
        assertTrue(AuthStatusCommand.nearExpiry(null, expires.minus(Duration.ofMinutes(9)), expires));
    }
}
