package org.tirelire.donation.donation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * What an organiser learns from a campaign's confirmed gifts (refunded ones no longer count): how much, from
 * how many gifts and donors, the typical gift, what collection pages bring, where gifts come from, and day
 * by day. Computed from the gifts each time it is asked: a campaign has thousands of gifts, not millions.
 *
 * @param donors distinct donors by email address; a gift without one (an unnamed cash gift) counts as one
 * @param medianGift the middle gift, the lower of the two middle ones for an even count
 * @param throughCollectionPages the gifts made through a supporter's collection page, and their share
 * @param sources where gifts come from: a collection page, the association's own channels (offline), or
 *     the campaign page; a monthly or yearly gift's charges count as "recurring"
 * @param channels the gifts that came by a link with UTM tags (a newsletter, a post, a partner's site), by
 *     source, medium and campaign, the largest first; untagged gifts are in none
 * @param days each day with gifts, in the association's time zone, with the running total
 */
public record CampaignInsights(
        String campaignId,
        Money total,
        long gifts,
        long donors,
        Money averageGift,
        Money medianGift,
        Share throughCollectionPages,
        List<PageFigures> topCollectionPages,
        List<Source> sources,
        List<Channel> channels,
        List<Day> days) {

    static final int TOP_PAGES = 5;

    public record Share(long gifts, Money amount, int percentOfTotal) {}

    public record PageFigures(String slug, long gifts, Money amount) {}

    /**
     * @param source {@code campaign-page}, {@code collection-page}, {@code recurring}, {@code cash}, {@code
     *     cheque}, {@code transfer}, or {@code sponsor} for what sponsors paid of their matches
     */
    public record Source(String source, long gifts, Money amount) {}

    /** The gifts of links with the same tags; a part the links did not have is null. */
    public record Channel(
            @Nullable String source,
            @Nullable String medium,
            @Nullable String campaign,
            long gifts,
            Money amount) {}

    public record Day(LocalDate date, long gifts, Money amount, Money cumulative) {}

    static CampaignInsights of(String campaignId, String currency, List<Donation> confirmed, ZoneId zone) {
        List<Donation> gifts = confirmed.stream()
                .filter(gift -> gift.status() == DonationStatus.CONFIRMED)
                .sorted(Comparator.comparing(Donation::confirmedAt))
                .toList();
        long total = gifts.stream().mapToLong(gift -> gift.amount().amount()).reduce(0, Math::addExact);
        long[] amounts = gifts.stream()
                .mapToLong(gift -> gift.amount().amount())
                .sorted()
                .toArray();
        long average = amounts.length == 0 ? 0 : total / amounts.length;
        long median = amounts.length == 0 ? 0 : amounts[(amounts.length - 1) / 2];

        Set<String> donors = new HashSet<>();
        long unnamed = 0;
        for (Donation gift : gifts) {
            if (gift.donor() == null
                    || gift.donor().email() == null
                    || gift.donor().email().isBlank()) {
                unnamed++;
            } else {
                donors.add(gift.donor().email().toLowerCase(Locale.ROOT));
            }
        }

        List<Donation> throughPages =
                gifts.stream().filter(gift -> gift.fundraiserSlug() != null).toList();
        long pagesAmount = sum(throughPages);
        Share share = new Share(
                throughPages.size(),
                new Money(pagesAmount, currency),
                total == 0 ? 0 : (int) (Math.multiplyExact(pagesAmount, 100L) / total));
        List<PageFigures> topPages =
                throughPages.stream().collect(Collectors.groupingBy(Donation::fundraiserSlug)).entrySet().stream()
                        .map(page -> new PageFigures(
                                page.getKey(), page.getValue().size(), new Money(sum(page.getValue()), currency)))
                        .sorted(Comparator.comparingLong(
                                        (PageFigures page) -> page.amount().amount())
                                .reversed()
                                .thenComparing(PageFigures::slug))
                        .limit(TOP_PAGES)
                        .toList();

        Map<String, List<Donation>> bySource =
                new TreeMap<>(gifts.stream().collect(Collectors.groupingBy(CampaignInsights::sourceOf)));
        List<Source> sources = bySource.entrySet().stream()
                .map(source -> new Source(
                        source.getKey(), source.getValue().size(), new Money(sum(source.getValue()), currency)))
                .sorted(Comparator.comparingLong(
                                (Source source) -> source.amount().amount())
                        .reversed())
                .toList();

        List<Channel> channels = gifts.stream()
                .filter(gift -> gift.utm() != null)
                .collect(Collectors.groupingBy(Donation::utm))
                .entrySet()
                .stream()
                .map(channel -> new Channel(
                        channel.getKey().source(),
                        channel.getKey().medium(),
                        channel.getKey().campaign(),
                        channel.getValue().size(),
                        new Money(sum(channel.getValue()), currency)))
                .sorted(Comparator.comparingLong(
                                (Channel channel) -> channel.amount().amount())
                        .reversed()
                        .thenComparing(channel -> String.valueOf(channel.source())))
                .toList();

        List<Day> days = new ArrayList<>();
        long cumulative = 0;
        Map<LocalDate, List<Donation>> byDay = new TreeMap<>(gifts.stream()
                .collect(Collectors.groupingBy(
                        gift -> gift.confirmedAt().atZone(zone).toLocalDate())));
        for (Map.Entry<LocalDate, List<Donation>> day : byDay.entrySet()) {
            long amount = sum(day.getValue());
            cumulative = Math.addExact(cumulative, amount);
            days.add(new Day(
                    day.getKey(), day.getValue().size(), new Money(amount, currency), new Money(cumulative, currency)));
        }

        return new CampaignInsights(
                campaignId,
                new Money(total, currency),
                gifts.size(),
                donors.size() + unnamed,
                new Money(average, currency),
                new Money(median, currency),
                share,
                topPages,
                sources,
                channels,
                days);
    }

    private static String sourceOf(Donation gift) {
        if (gift.sponsorMatch() != null) {
            return "sponsor";
        }
        if (gift.offlineMethod() != null) {
            return gift.offlineMethod().name().toLowerCase(Locale.ROOT);
        }
        if (gift.subscriptionId() != null) {
            return "recurring";
        }
        return gift.fundraiserSlug() != null ? "collection-page" : "campaign-page";
    }

    private static long sum(List<Donation> gifts) {
        return gifts.stream().mapToLong(gift -> gift.amount().amount()).reduce(0, Math::addExact);
    }
}
