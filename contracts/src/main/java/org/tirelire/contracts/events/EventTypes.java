package org.tirelire.contracts.events;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents {@code type} of every event record. A change that would break an old consumer gets
 * a new record and a new type (…{@code .v2}); an existing entry is never edited.
 */
public final class EventTypes {

    private static final Map<Class<? extends TirelireEvent>, String> TYPES = Map.ofEntries(
            Map.entry(CampaignPublished.class, "org.tirelire.campaign.published.v1"),
            Map.entry(CampaignUpdated.class, "org.tirelire.campaign.updated.v1"),
            Map.entry(CampaignClosed.class, "org.tirelire.campaign.closed.v1"),
            Map.entry(ProgressChanged.class, "org.tirelire.campaign.progress-changed.v1"),
            Map.entry(MilestoneReached.class, "org.tirelire.campaign.milestone-reached.v1"),
            Map.entry(NewsPublished.class, "org.tirelire.campaign.news-published.v1"),
            Map.entry(DonationConfirmed.class, "org.tirelire.donation.confirmed.v1"),
            Map.entry(DonationFailed.class, "org.tirelire.donation.failed.v1"),
            Map.entry(DonationRefunded.class, "org.tirelire.donation.refunded.v1"),
            Map.entry(DonorErased.class, "org.tirelire.donation.donor-erased.v1"),
            Map.entry(DonationMessageHidden.class, "org.tirelire.donation.message-hidden.v1"),
            Map.entry(SubscriptionStarted.class, "org.tirelire.donation.subscription-started.v1"),
            Map.entry(SubscriptionChargeFailed.class, "org.tirelire.donation.subscription-charge-failed.v1"),
            Map.entry(SubscriptionLinkSent.class, "org.tirelire.donation.subscription-link-sent.v1"),
            Map.entry(SubscriptionChargeUpcoming.class, "org.tirelire.donation.subscription-charge-upcoming.v1"),
            Map.entry(
                    SubscriptionMovedToGeneralFund.class,
                    "org.tirelire.donation.subscription-moved-to-general-fund.v1"),
            Map.entry(FundraiserPageCreated.class, "org.tirelire.fundraiser.page-created.v1"),
            Map.entry(PaymentAccountChanged.class, "org.tirelire.organisation.payment-account-changed.v1"),
            Map.entry(MemberInvited.class, "org.tirelire.organisation.member-invited.v1"),
            Map.entry(MemberJoined.class, "org.tirelire.organisation.member-joined.v1"),
            Map.entry(MemberRoleChanged.class, "org.tirelire.organisation.member-role-changed.v1"),
            Map.entry(MemberRemoved.class, "org.tirelire.organisation.member-removed.v1"),
            Map.entry(OrganisationActionTaken.class, "org.tirelire.organisation.action-taken.v1"),
            Map.entry(ReceiptIssued.class, "org.tirelire.organisation.receipt-issued.v1"),
            Map.entry(ReceiptCancelled.class, "org.tirelire.organisation.receipt-cancelled.v1"));

    private static final Map<String, Class<? extends TirelireEvent>> CLASSES =
            TYPES.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private EventTypes() {}

    public static String typeOf(Class<? extends TirelireEvent> eventRecord) {
        String type = TYPES.get(eventRecord);
        if (type == null) {
            throw new IllegalArgumentException(eventRecord.getName() + " is not a registered event type");
        }
        return type;
    }

    public static @Nullable Class<? extends TirelireEvent> classOf(String type) {
        return CLASSES.get(type);
    }

    public static Stream<Map.Entry<Class<? extends TirelireEvent>, String>> all() {
        return TYPES.entrySet().stream();
    }
}
