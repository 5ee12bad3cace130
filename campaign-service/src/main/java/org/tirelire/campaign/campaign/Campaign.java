package org.tirelire.campaign.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.ProgressChanged;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;
import org.tirelire.kit.totals.EventPosition;

/**
 * A fundraising campaign and its progress. Every change that others must hear about puts its event
 * in {@link #outbox} within the same document write, and the {@code version} makes concurrent
 * writers retry instead of overwriting each other.
 */
@Document("campaigns")
public class Campaign implements OutboxAggregate {

    /** Sponsors' pledges a campaign may hold: enough for a whole telethon's evening. */
    static final int MAX_MATCHES = 20;

    /** Polls a campaign may hold, one open at a time: a question every quarter of an hour of a long stream. */
    static final int MAX_POLLS = 30;

    @Id
    private final String id;

    private final String organisationId;
    private final String organisationName;
    private final @Nullable String organiserEmail;

    @Indexed(unique = true)
    private final String slug;

    private String title;
    private String summary;
    private @Nullable String story;
    private @Nullable String coverImageUrl;
    private Money goal;
    private Instant endsAt;
    private final FundingModel fundingModel;
    private List<StretchGoal> stretchGoals;
    private List<Reward> rewards;
    private final Instant createdAt;

    @Indexed
    private CampaignStatus status;

    private @Nullable Instant publishedAt;
    private @Nullable Instant closedAt;
    private @Nullable String closeOutcome;
    private Progress progress;
    private List<Match> matches;
    private List<Poll> polls;
    private List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Campaign(
            String id,
            String organisationId,
            String organisationName,
            @Nullable String organiserEmail,
            String slug,
            String title,
            String summary,
            @Nullable String story,
            @Nullable String coverImageUrl,
            Money goal,
            Instant endsAt,
            FundingModel fundingModel,
            List<StretchGoal> stretchGoals,
            List<Reward> rewards,
            Instant createdAt,
            CampaignStatus status,
            @Nullable Instant publishedAt,
            @Nullable Instant closedAt,
            @Nullable String closeOutcome,
            Progress progress,
            @Nullable List<Match> matches,
            @Nullable List<Poll> polls,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.id = id;
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.organiserEmail = organiserEmail;
        this.slug = slug;
        this.title = title;
        this.summary = summary;
        this.story = story;
        this.coverImageUrl = coverImageUrl;
        this.goal = goal;
        this.endsAt = endsAt;
        this.fundingModel = fundingModel;
        this.stretchGoals = List.copyOf(stretchGoals);
        this.rewards = List.copyOf(rewards);
        this.createdAt = createdAt;
        this.status = status;
        this.publishedAt = publishedAt;
        this.closedAt = closedAt;
        this.closeOutcome = closeOutcome;
        this.progress = progress;
        this.matches = matches == null ? List.of() : List.copyOf(matches);
        this.polls = polls == null ? List.of() : List.copyOf(polls);
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    /** A new campaign in draft, not yet visible to donors. */
    public static Campaign draft(
            String organisationId,
            String organisationName,
            @Nullable String organiserEmail,
            String slug,
            String title,
            String summary,
            @Nullable String story,
            @Nullable String coverImageUrl,
            Money goal,
            Instant endsAt,
            FundingModel fundingModel,
            List<StretchGoal> stretchGoals,
            List<Reward> rewards,
            Instant now) {
        RevisionRules.requireDistinctLabels(stretchGoals);
        return new Campaign(
                UUID.randomUUID().toString(),
                organisationId,
                organisationName,
                organiserEmail,
                slug,
                title,
                summary,
                story,
                coverImageUrl,
                goal,
                endsAt,
                fundingModel,
                stretchGoals,
                rewards,
                now,
                CampaignStatus.DRAFT,
                null,
                null,
                null,
                Progress.none(goal.currency()),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    public void publish(Instant now) {
        if (status != CampaignStatus.DRAFT) {
            throw new IllegalCampaignTransition(id, status, CampaignStatus.LIVE);
        }
        if (!endsAt.isAfter(now)) {
            throw new CampaignDeadlinePassed(id, endsAt);
        }
        status = CampaignStatus.LIVE;
        publishedAt = now;
        outbox.add(PendingEvent.of(
                new CampaignPublished(
                        id,
                        organisationId,
                        slug,
                        title,
                        goal,
                        fundingModel.name(),
                        endsAt,
                        rewardsOffered(),
                        now,
                        organiserEmail,
                        organisationName),
                now));
    }

    /** The organiser closes the campaign, or its deadline passed: no more gifts. */
    public void close(Instant now) {
        if (status != CampaignStatus.LIVE) {
            throw new IllegalCampaignTransition(id, status, CampaignStatus.ENDED);
        }
        status = CampaignStatus.ENDED;
        closedAt = now;
        boolean goalMissed = !progress.raised().isAtLeast(goal);
        String outcome = fundingModel == FundingModel.ALL_OR_NOTHING && goalMissed
                ? CampaignClosed.FAILED
                : CampaignClosed.SUCCEEDED;
        announceClosed(outcome, now);
    }

    /** Closes the campaign if its deadline has passed; safe to ask any number of times, from any instance. */
    public boolean closeIfDeadlinePassed(Instant now) {
        if (status != CampaignStatus.LIVE || endsAt.isAfter(now)) {
            return false;
        }
        close(now);
        return true;
    }

    /** Withdraws a draft, or stops a live campaign and has every gift refunded. */
    public void cancel(Instant now) {
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.LIVE) {
            throw new IllegalCampaignTransition(id, status, CampaignStatus.CANCELLED);
        }
        boolean wasLive = status == CampaignStatus.LIVE;
        status = CampaignStatus.CANCELLED;
        closedAt = now;
        if (wasLive) {
            announceClosed(CampaignClosed.CANCELLED, now);
        }
    }

    /**
     * Changes what the organiser may still change ({@link RevisionRules}): all of the revision, or
     * nothing of it. An ended or cancelled campaign is read-only. A live campaign announces the change,
     * and any milestone a lower goal makes reached.
     */
    public void revise(CampaignRevision revision, Instant now) {
        if (status == CampaignStatus.ENDED || status == CampaignStatus.CANCELLED) {
            throw new CampaignReadOnly(id, status);
        }
        boolean live = status == CampaignStatus.LIVE;
        RevisionRules.Revised revised =
                new RevisionRules(live, goal, progress, stretchGoals, rewards).check(revision, now);
        Money revisedGoal = revised.goal();

        // Every check passed: apply the whole revision, or nothing of it.
        if (!revisedGoal.currency().equals(goal.currency())) {
            progress = Progress.none(revisedGoal.currency()); // only a draft gets here, with nothing raised
        }
        boolean goalChanged = !revisedGoal.equals(goal);
        goal = revisedGoal;
        stretchGoals = revised.stretchGoals();
        rewards = revised.rewards();
        if (revision.endsAt() != null) {
            endsAt = revision.endsAt();
        }
        if (revision.title() != null) {
            title = revision.title();
        }
        if (revision.summary() != null) {
            summary = revision.summary();
        }
        if (revision.story() != null) {
            story = revision.story();
        }
        if (revision.coverImageUrl() != null) {
            coverImageUrl = revision.coverImageUrl().isBlank() ? null : revision.coverImageUrl();
        }
        if (live) {
            announceUpdated(now);
            if (goalChanged) {
                announceProgress(now);
            }
            announceMilestonesCrossed(now);
        }
    }

    /** The whole public picture after a change of a live campaign, its open poll included. */
    private void announceUpdated(Instant now) {
        CampaignUpdated.OpenPoll openPoll = openPoll()
                .map(poll -> new CampaignUpdated.OpenPoll(
                        poll.id(),
                        poll.question(),
                        poll.options().stream()
                                .map(option -> new CampaignUpdated.PollOption(option.id(), option.label()))
                                .toList()))
                .orElse(null);
        outbox.add(PendingEvent.of(
                new CampaignUpdated(id, organisationId, title, goal, endsAt, rewardsOffered(), now, openPoll), now));
    }

    private List<CampaignPublished.RewardOffered> rewardsOffered() {
        return rewards.stream()
                .map(r -> new CampaignPublished.RewardOffered(r.id(), r.title(), r.minAmount(), r.limit()))
                .toList();
    }

    private void announceClosed(String outcome, Instant now) {
        closeOutcome = outcome;
        outbox.add(PendingEvent.of(
                new CampaignClosed(id, organisationId, progress.raised(), progress.donationCount(), now, outcome),
                now));
    }

    /**
     * How the campaign turned out: absent while it runs; {@code SUCCEEDED} when its gifts are kept;
     * {@code REFUNDING} while an all-or-nothing campaign below its goal, or a cancelled one, gives its
     * gifts back; then {@code FAILED} or {@code CANCELLED}.
     */
    public @Nullable String outcome() {
        if (closeOutcome == null || closeOutcome.equals(CampaignClosed.SUCCEEDED)) {
            return closeOutcome;
        }
        return progress.donationCount() > 0 ? "REFUNDING" : closeOutcome;
    }

    /**
     * Counts a confirmed gift (positive {@code delta}) or a refund (negative) once: an event at a
     * position already applied changes nothing. Announces each milestone the first time it is crossed.
     *
     * @return whether the total changed
     */
    public boolean applyContribution(
            String donationId, Money delta, int countDelta, EventPosition position, Instant at) {
        return applyContributions(List.of(new Contribution(donationId, delta, countDelta, position, at))) > 0;
    }

    /**
     * A gift or refund to count: whose, what it changes, where its event sits in its partition, the poll
     * option it votes for (or takes its vote back from), and the sponsor's match it pays, if any.
     */
    public record Contribution(
            String donationId,
            Money delta,
            int countDelta,
            EventPosition position,
            Instant at,
            @Nullable String pollOption,
            @Nullable String sponsorMatch) {

        public Contribution(String donationId, Money delta, int countDelta, EventPosition position, Instant at) {
            this(donationId, delta, countDelta, position, at, null, null);
        }

        public Contribution(
                String donationId,
                Money delta,
                int countDelta,
                EventPosition position,
                Instant at,
                @Nullable String pollOption) {
            this(donationId, delta, countDelta, position, at, pollOption, null);
        }
    }

    /**
     * Counts several gifts and refunds heard together, in their order, each once: one that was already
     * applied changes nothing. Announces the progress once for them all, and each milestone crossed.
     *
     * @return how many of them changed the total
     */
    public int applyContributions(List<Contribution> contributions) {
        Progress.Counted counted = progress.count(contributions, contribution -> {
            countVote(contribution);
            return settlementOf(contribution).orElseGet(() -> matchOrUnmatch(contribution));
        });
        if (counted.applied() > 0) {
            progress = counted.progress();
            announceProgress(counted.latest());
            announceMilestonesCrossed(counted.latest());
        }
        return counted.applied();
    }

    /**
     * Sets the total to what the donation ledger says, after a reconciliation found them apart.
     *
     * @return whether anything changed
     */
    public boolean correctTotals(Money raised, long donationCount, Instant at) {
        if (progress.raised().equals(raised) && progress.donationCount() == donationCount) {
            return false;
        }
        progress = progress.corrected(raised, donationCount, at);
        announceProgress(at);
        return true;
    }

    /**
     * A sponsor's pledge to match the gifts of a window (see {@link Match}). Gifts already counted are not
     * matched afterwards: a match starts now at the earliest.
     */
    public Match addMatch(
            String sponsor,
            int ratio,
            Money cap,
            @Nullable Instant startsAt,
            Instant endsAt,
            @Nullable Money minimumGift,
            Instant now) {
        if (status == CampaignStatus.ENDED || status == CampaignStatus.CANCELLED) {
            throw new CampaignReadOnly(id, status);
        }
        Instant starts = startsAt == null || startsAt.isBefore(now) ? now : startsAt;
        if (!endsAt.isAfter(starts)) {
            throw new MatchRefused("endsAt", "The match must end after it starts (" + starts + ")");
        }
        if (!cap.currency().equals(goal.currency())) {
            throw new CurrencyMismatch("cap", goal.currency(), cap.currency());
        }
        if (minimumGift != null && !minimumGift.currency().equals(goal.currency())) {
            throw new CurrencyMismatch("minimumGift", goal.currency(), minimumGift.currency());
        }
        if (matches.size() >= MAX_MATCHES) {
            throw new MatchRefused("sponsor", "A campaign takes at most " + MAX_MATCHES + " matches");
        }
        Match match =
                Match.pledged(UUID.randomUUID().toString(), sponsor, ratio, cap, starts, endsAt, minimumGift, now);
        List<Match> all = new ArrayList<>(matches);
        all.add(match);
        matches = List.copyOf(all);
        announceProgress(now);
        return match;
    }

    /**
     * A sponsor's payment of their match (or its refund), when the contribution is one and its match is known:
     * the payment counts in place of what the match had matched (ADR 33), and no other match matches it.
     */
    private Optional<Progress.SponsorsEffect> settlementOf(Contribution contribution) {
        if (contribution.sponsorMatch() == null) {
            return Optional.empty();
        }
        for (Match match : matches) {
            if (!match.id().equals(contribution.sponsorMatch())) {
                continue;
            }
            Match.Settled settled = contribution.countDelta() > 0
                    ? match.settle(contribution.donationId(), contribution.delta(), contribution.at())
                    : match.unsettle(contribution.donationId());
            if (settled == null) {
                return Optional.empty(); // paid twice, or a refund of a payment that did not settle it: a gift
            }
            matches = matches.stream()
                    .map(candidate -> candidate == match ? settled.match() : candidate)
                    .toList();
            return Optional.of(new Progress.SponsorsEffect(settled.besidesTheGift(), settled.sponsorsShare()));
        }
        return Optional.empty();
    }

    /**
     * What a gift or a refund changes in the matches: a gift confirmed while a match is active is matched by
     * each such match as far as its cap allows; a refund takes back what its gift had matched.
     */
    private Progress.SponsorsEffect matchOrUnmatch(Contribution contribution) {
        long delta = 0;
        List<Match> after = new ArrayList<>(matches.size());
        for (Match match : matches) {
            Match.Matched matched = contribution.countDelta() > 0
                    ? match.match(contribution.donationId(), contribution.delta(), contribution.at())
                    : contribution.countDelta() < 0
                            ? match.unmatch(contribution.donationId())
                            : new Match.Matched(match, 0);
            after.add(matched.match());
            delta = Math.addExact(delta, matched.delta());
        }
        matches = List.copyOf(after);
        return Progress.SponsorsEffect.matched(delta);
    }

    /**
     * A poll donors vote in with their gifts, closing the one open before it. Only a live campaign takes
     * gifts, so only a live campaign opens a poll.
     */
    public Poll openPoll(String question, List<String> labels, Instant now) {
        if (status != CampaignStatus.LIVE) {
            throw new PollRefused(
                    HttpStatus.CONFLICT, "question", "Only a live campaign takes gifts, and so votes: it is " + status);
        }
        if (labels.stream()
                        .map(label -> label.toLowerCase(Locale.ROOT))
                        .distinct()
                        .count()
                != labels.size()) {
            throw new PollRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT, "options", "Each option must differ from the others");
        }
        if (polls.size() >= MAX_POLLS) {
            throw new PollRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT, "question", "A campaign takes at most " + MAX_POLLS + " polls");
        }
        Poll opened = Poll.opened(question, labels, goal.currency(), now);
        List<Poll> all = new ArrayList<>(polls.size() + 1);
        polls.forEach(poll -> all.add(poll.closed(now)));
        all.add(opened);
        polls = List.copyOf(all);
        announceUpdated(now);
        announceProgress(now);
        return opened;
    }

    /** Stops a poll taking votes; closing it again changes nothing. */
    public Poll closePoll(String pollId, Instant now) {
        Poll poll = polls.stream()
                .filter(candidate -> candidate.id().equals(pollId))
                .findFirst()
                .orElseThrow(
                        () -> new PollRefused(HttpStatus.NOT_FOUND, "pollId", "This campaign has no poll " + pollId));
        if (!poll.isOpen()) {
            return poll;
        }
        Poll closed = poll.closed(now);
        polls = polls.stream()
                .map(candidate -> candidate == poll ? closed : candidate)
                .toList();
        if (status == CampaignStatus.LIVE) {
            announceUpdated(now);
        }
        announceProgress(now);
        return closed;
    }

    /** A gift's vote, or a refund taking it back: its own amount, not what a sponsor matched of it. */
    private void countVote(Contribution contribution) {
        if (contribution.pollOption() == null) {
            return;
        }
        Poll.holding(polls, contribution.pollOption())
                .ifPresent(voted -> polls = polls.stream()
                        .map(poll -> poll == voted
                                ? poll.withVote(
                                        contribution.pollOption(), contribution.delta(), contribution.countDelta())
                                : poll)
                        .toList());
    }

    /** The poll taking votes now, if one is: the latest, since opening a poll closes the one before. */
    public Optional<Poll> openPoll() {
        return latestPoll().filter(Poll::isOpen);
    }

    /** The last poll asked, open or closed. */
    public Optional<Poll> latestPoll() {
        return polls.isEmpty() ? Optional.empty() : Optional.of(polls.get(polls.size() - 1));
    }

    /** Every poll, the latest last. */
    public List<Poll> polls() {
        return polls;
    }

    /** The match whose window is open at {@code now}, if any: the one ending first when several are. */
    public Optional<Match> activeMatchAt(Instant now) {
        return matches.stream()
                .filter(match -> !match.isSettled()
                        && match.isActiveAt(now)
                        && match.left().isPositive())
                .min(Comparator.comparing(Match::endsAt));
    }

    public List<Match> matches() {
        return matches;
    }

    private void announceProgress(Instant at) {
        outbox.add(PendingEvent.of(
                new ProgressChanged(
                        id, goal, progress.raised(), progress.donationCount(), progress.percentOf(goal), at),
                at));
    }

    /** Announces, once per campaign, each milestone the total now reaches. */
    private void announceMilestonesCrossed(Instant at) {
        for (Milestone milestone : progress.newlyCrossed(milestones())) {
            progress = progress.withReached(new ReachedMilestone(milestone.label(), at));
            outbox.add(PendingEvent.of(
                    new MilestoneReached(
                            id, organisationId, milestone.label(), milestone.threshold(), progress.raised(), at),
                    at));
        }
    }

    public List<Milestone> milestones() {
        return Milestone.of(goal, stretchGoals);
    }

    public boolean isOwnedBy(String organisationId) {
        return this.organisationId.equals(organisationId);
    }

    public void requireOwnedBy(String organisationId) {
        if (!isOwnedBy(organisationId)) {
            throw new CampaignNotOwned(id);
        }
    }

    /** Donors see a campaign once it has been published; its organisers see it from the first draft. */
    public boolean isPublic() {
        return status != CampaignStatus.DRAFT;
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String organisationName() {
        return organisationName;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public @Nullable String story() {
        return story;
    }

    public @Nullable String coverImageUrl() {
        return coverImageUrl;
    }

    public Money goal() {
        return goal;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public FundingModel fundingModel() {
        return fundingModel;
    }

    public List<StretchGoal> stretchGoals() {
        return stretchGoals;
    }

    public List<Reward> rewards() {
        return rewards;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public CampaignStatus status() {
        return status;
    }

    public @Nullable Instant publishedAt() {
        return publishedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    public Progress progress() {
        return progress;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
