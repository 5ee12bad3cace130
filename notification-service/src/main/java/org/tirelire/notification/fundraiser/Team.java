package org.tirelire.notification.fundraiser;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tirelire.contracts.money.Money;

/** A team: the collection pages that share its name, and the sum of their exact totals. */
public record Team(String team, Money raised, long donationCount, int pages) {

    /**
     * The teams of these pages, highest total first (the first page to raise it first, as on the
     * leaderboard). Pages without a team belong to none.
     */
    public static List<Team> standings(Collection<FundraiserPage> pages) {
        Map<String, Team> teams = new LinkedHashMap<>();
        pages.stream()
                .filter(page -> page.team() != null)
                .sorted(Comparator.comparing(FundraiserPage::createdAt))
                .forEach(page -> teams.merge(
                        page.team(), new Team(page.team(), page.raised(), page.donationCount(), 1), Team::plus));
        return teams.values().stream()
                .sorted(Comparator.comparingLong((Team team) -> team.raised().amount())
                        .reversed())
                .toList();
    }

    private Team plus(Team other) {
        return new Team(team, raised.plus(other.raised), donationCount + other.donationCount, pages + other.pages);
    }
}
