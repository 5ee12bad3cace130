package org.tirelire.notification.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignEvent;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationEvent;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.contracts.events.MemberEvent;
import org.tirelire.contracts.events.MemberInvited;
import org.tirelire.contracts.events.MemberJoined;
import org.tirelire.contracts.events.MemberRemoved;
import org.tirelire.contracts.events.MemberRoleChanged;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.contracts.events.OrganisationEvent;
import org.tirelire.contracts.events.PaymentAccountChanged;
import org.tirelire.contracts.events.ReceiptCancelled;
import org.tirelire.contracts.events.ReceiptIssued;
import org.tirelire.contracts.events.SubscriptionChargeFailed;
import org.tirelire.contracts.events.SubscriptionChargeUpcoming;
import org.tirelire.contracts.events.SubscriptionLinkSent;
import org.tirelire.contracts.events.SubscriptionMovedToGeneralFund;
import org.tirelire.contracts.events.SubscriptionStarted;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.kit.messaging.EventConsumers;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.campaign.KnownCampaigns;
import org.tirelire.notification.email.DonationEmails;
import org.tirelire.notification.email.EmailOutbox;
import org.tirelire.notification.email.OrganiserEmails;
import org.tirelire.notification.email.ReceiptEmails;
import org.tirelire.notification.email.SubscriptionEmails;
import org.tirelire.notification.fundraiser.FundraiserTotals;
import org.tirelire.notification.fundraiser.SupporterEmails;
import org.tirelire.notification.organisation.MemberEmails;
import org.tirelire.notification.subscription.CampaignEndEmails;
import org.tirelire.notification.subscription.NewsEmails;
import org.tirelire.notification.webhook.Webhooks;

/**
 * What notification-service hears: campaigns (names, links, whether pages may open) and donations
 * (thanks, page totals). The events an organisation may subscribe to are also passed on, as they
 * arrived, to its webhooks.
 */
@Configuration
class NotificationEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(NotificationEventsConsumers.class);

    @Bean
    Consumer<Message<byte[]>> campaignEvents(
            EventConsumers events,
            KnownCampaigns campaigns,
            NewsEmails news,
            OrganiserEmails organisers,
            SupporterEmails supporters,
            CampaignEndEmails campaignEnd,
            Webhooks webhooks) {
        return events.of(
                CampaignEvent.class,
                heard -> heard.event().dispatchTo(new CampaignEvent.Handler() {
                    @Override
                    public void on(CampaignPublished published) {
                        toWebhooks(published.organisationId());
                        campaigns.save(new CampaignSummary(
                                published.campaignId(),
                                published.organisationId(),
                                published.title(),
                                published.slug(),
                                published.goal().currency(),
                                true,
                                published.organiserEmail(),
                                published.organisationName()));
                        webhooks.campaignKnown(published.campaignId(), published.organisationId());
                    }

                    @Override
                    public void on(CampaignUpdated updated) {
                        campaigns
                                .stored(updated.campaignId())
                                .map(known -> known.retitled(updated.title()))
                                .ifPresent(campaigns::save);
                    }

                    @Override
                    public void on(CampaignClosed closed) {
                        toWebhooks(closed.organisationId());
                        campaigns
                                .stored(closed.campaignId())
                                .map(CampaignSummary::closed)
                                .ifPresent(campaigns::save);
                        organisers.campaignClosed(closed);
                        campaignEnd.campaignClosed(closed);
                    }

                    @Override
                    public void on(NewsPublished published) {
                        toWebhooks(published.organisationId());
                        news.send(published);
                    }

                    @Override
                    public void on(MilestoneReached milestone) {
                        toWebhooks(milestone.organisationId());
                        organisers.milestoneReached(milestone);
                        supporters.milestoneReached(milestone);
                    }

                    private void toWebhooks(String organisationId) {
                        webhooks.publish(heard.envelope(), heard.payloadText(), organisationId);
                    }
                }));
    }

    /** Who belongs to each organisation (from identity): invitations to email, administrators to tell. */
    @Bean
    Consumer<Message<byte[]>> memberEvents(EventConsumers events, MemberEmails emails) {
        return events.of(
                MemberEvent.class,
                heard -> heard.event().dispatchTo(new OrganisationEvent.Handler() {
                    @Override
                    public void on(MemberInvited invited) {
                        emails.invited(invited);
                    }

                    @Override
                    public void on(MemberJoined joined) {
                        emails.joined(joined);
                    }

                    @Override
                    public void on(MemberRoleChanged changed) {
                        emails.roleChanged(changed);
                    }

                    @Override
                    public void on(MemberRemoved removed) {
                        emails.removed(removed);
                    }
                }));
    }

    @Bean
    Consumer<Message<List<byte[]>>> donationEvents(
            EventConsumers events,
            DonationEmails emails,
            FundraiserTotals pages,
            NewsEmails news,
            EmailOutbox outbox,
            SupporterEmails supporters,
            OrganiserEmails organisers,
            MemberEmails organisationMembers,
            ReceiptEmails receipts,
            SubscriptionEmails subscriptions,
            Webhooks webhooks) {
        // Gifts' events, and donation-service's news of an organisation: its payment account, its receipts.
        // A poll's records, each in its own trace as if alone, their emails queued together at the poll's end.
        return events.pollsOf(
                TirelireEvent.class,
                outbox::queueTogether,
                heard -> heard.event().dispatchTo(new TirelireEvent.Handler() {
                    @Override
                    public void on(DonationConfirmed confirmed) {
                        pages.on(confirmed, heard.position());
                        emails.thankDonor(confirmed);
                        supporters.giftThroughPage(confirmed);
                        news.rememberConsent(confirmed);
                        toWebhooks(confirmed);
                    }

                    @Override
                    public void on(DonationRefunded refunded) {
                        pages.on(refunded, heard.position());
                        toWebhooks(refunded);
                    }

                    @Override
                    public void on(DonationFailed failed) {
                        toWebhooks(failed);
                    }

                    @Override
                    public void on(DonorErased erased) {
                        news.forget(erased);
                        if (erased.donorEmailSha256() != null) {
                            int forgotten = outbox.eraseRecipient(erased.donorEmailSha256());
                            log.info("Donor of {} erased: {} emails forgotten", erased.donationId(), forgotten);
                        }
                    }

                    @Override
                    public void on(PaymentAccountChanged changed) {
                        organisationMembers.paymentAccountChanged(changed);
                    }

                    @Override
                    public void on(SubscriptionStarted started) {
                        subscriptions.started(started);
                    }

                    @Override
                    public void on(SubscriptionChargeFailed failed) {
                        subscriptions.chargeFailed(failed);
                    }

                    @Override
                    public void on(SubscriptionLinkSent sent) {
                        subscriptions.linkSent(sent);
                    }

                    @Override
                    public void on(SubscriptionChargeUpcoming upcoming) {
                        subscriptions.chargeUpcoming(upcoming);
                    }

                    @Override
                    public void on(SubscriptionMovedToGeneralFund moved) {
                        subscriptions.movedToGeneralFund(moved);
                    }

                    @Override
                    public void on(ReceiptIssued issued) {
                        receipts.issued(issued);
                    }

                    @Override
                    public void on(ReceiptCancelled cancelled) {
                        receipts.cancelled(cancelled);
                    }

                    /** A gift's news goes to its campaign's organisation's webhooks. */
                    private void toWebhooks(DonationEvent gift) {
                        webhooks.publishForCampaign(heard.envelope(), heard.payloadText(), gift.campaignId());
                    }
                }));
    }
}
