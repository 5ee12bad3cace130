package org.tirelire.notification.fundraiser;

public enum PageStatus {
    /** Collecting, shown on the leaderboard. */
    OPEN,
    /** Closed by its supporter: still shown, gifts through it still count for the campaign. */
    CLOSED,
    /** Hidden by the campaign's organiser (abuse): not shown anywhere. */
    HIDDEN
}
