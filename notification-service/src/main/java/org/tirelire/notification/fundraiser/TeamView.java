package org.tirelire.notification.fundraiser;

import org.tirelire.contracts.money.Money;

/** A team's total: the sum of its pages' exact totals. */
public record TeamView(String team, Money raised, long donationCount, int pages) {

    TeamView plus(TeamView other) {
        return new TeamView(team, raised.plus(other.raised), donationCount + other.donationCount, pages + other.pages);
    }
}
