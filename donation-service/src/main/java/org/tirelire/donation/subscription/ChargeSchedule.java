package org.tirelire.donation.subscription;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.tirelire.donation.donation.Frequency;

/**
 * When a recurring gift's periods fall due: the first charge is taken when the donor gives, the next on
 * the same day of each month (or year) at the same time, in the organisation's time zone; a gift started
 * on the 29th, 30th or 31st is charged on the 28th, so that no month is skipped and none charged twice.
 */
public final class ChargeSchedule {

    static final ZoneId ORGANISATION_ZONE = ZoneId.of("Europe/Paris");
    static final int LAST_DAY_EVERY_MONTH_HAS = 28;

    private ChargeSchedule() {}

    /** @param period 1 for the first charge after the one taken at the start, 2 for the next… */
    public static Instant dueAt(Instant startedAt, Frequency frequency, int period) {
        ZonedDateTime start = startedAt.atZone(ORGANISATION_ZONE);
        int day = Math.min(start.getDayOfMonth(), LAST_DAY_EVERY_MONTH_HAS);
        ZonedDateTime anchored = start.withDayOfMonth(day);
        ZonedDateTime due = switch (frequency) {
            case MONTHLY -> anchored.plusMonths(period);
            case YEARLY -> anchored.plusYears(period);
            case ONCE -> throw new IllegalArgumentException("a gift given once has no later periods");
        };
        return due.toInstant();
    }
}
