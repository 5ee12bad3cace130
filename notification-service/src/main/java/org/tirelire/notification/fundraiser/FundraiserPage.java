package org.tirelire.notification.fundraiser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.FundraiserPageCreated;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;
import org.tirelire.kit.totals.EventPosition;

/**
 * A supporter's collection page ("page de collecte") under a campaign, identified by its slug. Its
 * total follows the same exactness rules as the campaign's (ADR 3): a donation event at a position
 * already applied changes nothing.
 */
@Document("fundraiser_pages")
public class FundraiserPage implements OutboxAggregate {

    @Id
    private final String slug;

    @Indexed
    private final String campaignId;

    private final String supporterName;
    private final String supporterEmail;
    /** The language of the emails the supporter gets: {@code fr} (also when unknown) or {@code en}. */
    private final @Nullable String supporterLocale;

    private final @Nullable String team;
    private final Instant createdAt;
    private final String editTokenHash;
    private String title;
    private @Nullable String message;
    private @Nullable Money goal;
    private PageStatus status;
    private Money raised;
    private long donationCount;
    private Map<String, Long> appliedPositions;
    private List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    FundraiserPage(
            String slug,
            String campaignId,
            String supporterName,
            String supporterEmail,
            @Nullable String supporterLocale,
            @Nullable String team,
            Instant createdAt,
            String editTokenHash,
            String title,
            @Nullable String message,
            @Nullable Money goal,
            PageStatus status,
            Money raised,
            long donationCount,
            Map<String, Long> appliedPositions,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.slug = slug;
        this.campaignId = campaignId;
        this.supporterName = supporterName;
        this.supporterEmail = supporterEmail;
        this.supporterLocale = supporterLocale;
        this.team = team;
        this.createdAt = createdAt;
        this.editTokenHash = editTokenHash;
        this.title = title;
        this.message = message;
        this.goal = goal;
        this.status = status;
        this.raised = raised;
        this.donationCount = donationCount;
        this.appliedPositions = new HashMap<>(appliedPositions);
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    public static FundraiserPage open(
            String slug,
            String campaignId,
            String currency,
            String supporterName,
            String supporterEmail,
            String supporterLocale,
            String title,
            @Nullable String message,
            @Nullable Money goal,
            @Nullable String team,
            EditToken editToken,
            Instant now) {
        FundraiserPage page = new FundraiserPage(
                slug,
                campaignId,
                supporterName,
                supporterEmail,
                supporterLocale,
                team,
                now,
                editToken.hash(),
                title,
                message,
                goal,
                PageStatus.OPEN,
                Money.zero(currency),
                0,
                Map.of(),
                List.of(),
                null);
        page.outbox.add(PendingEvent.of(
                new FundraiserPageCreated(slug, campaignId, title, supporterName, goal, team, now), now));
        return page;
    }

    /** Counts a gift through this page (or takes back a refund) once per Kafka position. */
    public boolean applyContribution(Money delta, int countDelta, EventPosition position) {
        if (appliedPositions.getOrDefault(position.partitionKey(), -1L) >= position.offset()) {
            return false;
        }
        raised = raised.plus(delta);
        donationCount += countDelta;
        appliedPositions.put(position.partitionKey(), position.offset());
        return true;
    }

    /** The supporter changes their page; {@link WrongEditToken} unless they present its edit token. */
    public void edit(
            String editToken, @Nullable String newTitle, @Nullable String newMessage, @Nullable Money newGoal) {
        requireEditToken(editToken);
        if (newTitle != null) {
            title = newTitle;
        }
        if (newMessage != null) {
            message = newMessage;
        }
        if (newGoal != null) {
            goal = newGoal;
        }
    }

    /** The supporter stops collecting; {@link WrongEditToken} unless they present the page's edit token. */
    public void close(String editToken) {
        requireEditToken(editToken);
        if (status == PageStatus.OPEN) {
            status = PageStatus.CLOSED;
        }
    }

    private void requireEditToken(String presented) {
        if (!EditToken.matches(editTokenHash, presented)) {
            throw new WrongEditToken(slug);
        }
    }

    public void hide() {
        status = PageStatus.HIDDEN;
    }

    public boolean isVisible() {
        return status != PageStatus.HIDDEN;
    }

    public String slug() {
        return slug;
    }

    public String campaignId() {
        return campaignId;
    }

    public String supporterName() {
        return supporterName;
    }

    public String supporterEmail() {
        return supporterEmail;
    }

    public String supporterLocale() {
        return "en".equals(supporterLocale) ? "en" : "fr";
    }

    public @Nullable String team() {
        return team;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String title() {
        return title;
    }

    public @Nullable String message() {
        return message;
    }

    public @Nullable Money goal() {
        return goal;
    }

    public PageStatus status() {
        return status;
    }

    public Money raised() {
        return raised;
    }

    public long donationCount() {
        return donationCount;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
