package org.tirelire.donation.testclock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.donation.subscription.RecurringCharges;
import org.tirelire.kit.time.MovableClock;

/**
 * {@code POST /api/admin/test-clock/advance {days}} with {@code X-Admin-Token}: moves this service's time
 * forward, then runs what fell due (recurring charges) at once, to see a month's charge without waiting
 * a month. {@code POST /api/admin/test-clock/set {offsetDays}} puts it at that many days from the real
 * time, in the past too (the demo starts its monthly gifts months ago that way). Only with the test clock
 * switched on; 404 otherwise, 403 without the admin token.
 */
@RestController
@ConditionalOnProperty(name = "tirelire.test-clock.enabled", havingValue = "true")
class TestClockController {

    private final MovableClock clock;
    private final SharedTestClock shared;
    private final RecurringCharges charges;
    private final String adminToken;

    TestClockController(
            MovableClock clock,
            SharedTestClock shared,
            RecurringCharges charges,
            @Value("${tirelire.admin.token:}") String adminToken) {
        this.clock = clock;
        this.shared = shared;
        this.charges = charges;
        this.adminToken = adminToken;
    }

    record Advance(@NotNull @Min(1) @Max(3660) Integer days) {}

    record SetTo(@NotNull @Min(-3660) @Max(3660) Integer offsetDays) {}

    record Advanced(Instant now, long offsetDays, int charged) {}

    @PostMapping("/api/admin/test-clock/advance")
    ResponseEntity<Advanced> advance(
            @RequestHeader(name = "X-Admin-Token", required = false) String token,
            @Valid @RequestBody Advance request) {
        if (!admits(token)) {
            return ResponseEntity.status(403).build();
        }
        return ResponseEntity.ok(movedTo(shared.stored().plus(Duration.ofDays(request.days()))));
    }

    @PostMapping("/api/admin/test-clock/set")
    ResponseEntity<Advanced> set(
            @RequestHeader(name = "X-Admin-Token", required = false) String token, @Valid @RequestBody SetTo request) {
        if (!admits(token)) {
            return ResponseEntity.status(403).build();
        }
        return ResponseEntity.ok(movedTo(Duration.ofDays(request.offsetDays())));
    }

    /** Kept across restarts and for every instance; what fell due meanwhile is charged now. */
    private Advanced movedTo(Duration offset) {
        shared.moveTo(offset);
        int charged = charges.chargeDue();
        return new Advanced(clock.instant(), offset.toDays(), charged);
    }

    private boolean admits(String token) {
        return !adminToken.isBlank()
                && token != null
                && MessageDigest.isEqual(
                        adminToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
