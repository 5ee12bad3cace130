package org.tirelire.notification.email;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.SubscriptionChargeFailed;
import org.tirelire.contracts.events.SubscriptionChargeUpcoming;
import org.tirelire.contracts.events.SubscriptionLinkSent;
import org.tirelire.contracts.events.SubscriptionMovedToGeneralFund;
import org.tirelire.contracts.events.SubscriptionStarted;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;

/**
 * What a donor with a recurring gift is told: that it is set up, with the link to manage it, and when a
 * charge failed, whether it will be tried again or the gift is suspended, with the same link to fix it.
 */
@Component
public class SubscriptionEmails {

    /** Where {@link #variables} keeps the sender for the email it prepares (templates do not read it). */
    private static final String SENDER = "sender";

    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final CampaignSummaries campaigns;

    SubscriptionEmails(EmailOutbox outbox, EmailTemplates templates, CampaignSummaries campaigns) {
        this.outbox = outbox;
        this.templates = templates;
        this.campaigns = campaigns;
    }

    public void started(SubscriptionStarted started) {
        if (started.donor().email().isBlank()) {
            return;
        }
        Map<String, Object> variables =
                variables(started.donor().firstName(), started.campaignId(), started.manageUrl());
        variables.put("amount", started.amount());
        variables.put("frequency", started.frequency());
        variables.put("nextChargeAt", started.nextChargeAt());
        outbox.enqueue(
                "subscription-started:" + started.subscriptionId(),
                started.donor().email(),
                templates.render(
                        "subscription-started",
                        EmailTemplates.localeOf(started.donor().locale()),
                        new Object[] {variables.get("campaignTitle")},
                        variables),
                Map.of(),
                List.of(),
                sender(variables));
    }

    /** The new link a donor asked for; each request its own email (the service limits how often). */
    public void linkSent(SubscriptionLinkSent sent) {
        if (sent.donor().email().isBlank()) {
            return;
        }
        Map<String, Object> variables = variables(sent.donor().firstName(), sent.campaignId(), sent.manageUrl());
        variables.put("amount", sent.amount());
        variables.put("frequency", sent.frequency());
        outbox.enqueue(
                "subscription-link:" + sent.subscriptionId() + ":"
                        + sent.sentAt().toEpochMilli(),
                sent.donor().email(),
                templates.render(
                        "subscription-link",
                        EmailTemplates.localeOf(sent.donor().locale()),
                        new Object[] {variables.get("campaignTitle")},
                        variables),
                Map.of(),
                List.of(),
                sender(variables));
    }

    /**
     * A regular gift's campaign ended: its next charges support the association's work as a whole (ADR 28).
     * One email per gift, with the link to change or stop it.
     */
    public void movedToGeneralFund(SubscriptionMovedToGeneralFund moved) {
        if (moved.donor().email().isBlank()) {
            return;
        }
        Map<String, Object> variables = variables(moved.donor().firstName(), moved.campaignId(), moved.manageUrl());
        variables.put("amount", moved.amount());
        variables.put("frequency", moved.frequency());
        outbox.enqueue(
                "subscription-general-fund:" + moved.subscriptionId(),
                moved.donor().email(),
                templates.render(
                        "subscription-general-fund",
                        EmailTemplates.localeOf(moved.donor().locale()),
                        new Object[] {variables.get("campaignTitle")},
                        variables),
                Map.of(),
                List.of(),
                sender(variables));
    }

    /** A yearly gift's charge comes in a fortnight: one notice per charge, with the link to change or stop it. */
    public void chargeUpcoming(SubscriptionChargeUpcoming upcoming) {
        if (upcoming.donor().email().isBlank()) {
            return;
        }
        Map<String, Object> variables =
                variables(upcoming.donor().firstName(), upcoming.campaignId(), upcoming.manageUrl());
        variables.put("amount", upcoming.amount());
        variables.put("chargeAt", upcoming.chargeAt());
        outbox.enqueue(
                "subscription-upcoming:" + upcoming.subscriptionId() + ":"
                        + upcoming.chargeAt().toEpochMilli(),
                upcoming.donor().email(),
                templates.render(
                        "subscription-upcoming",
                        EmailTemplates.localeOf(upcoming.donor().locale()),
                        new Object[] {variables.get("campaignTitle")},
                        variables),
                Map.of(),
                List.of(),
                sender(variables));
    }

    public void chargeFailed(SubscriptionChargeFailed failed) {
        if (failed.donor().email().isBlank()) {
            return;
        }
        Map<String, Object> variables = variables(failed.donor().firstName(), failed.campaignId(), failed.manageUrl());
        variables.put("amount", failed.amount());
        variables.put("suspended", failed.suspended());
        if (failed.retryAt() != null) {
            variables.put("retryAt", failed.retryAt());
        }
        outbox.enqueue(
                "subscription-charge-failed:" + failed.donationId(),
                failed.donor().email(),
                templates.render(
                        "subscription-charge-failed",
                        EmailTemplates.localeOf(failed.donor().locale()),
                        new Object[] {variables.get("campaignTitle")},
                        variables),
                Map.of(),
                List.of(),
                sender(variables));
    }

    private Map<String, Object> variables(String firstName, String campaignId, String manageUrl) {
        Optional<CampaignSummary> campaign = campaigns.findById(campaignId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", firstName);
        variables.put("campaignTitle", campaign.map(CampaignSummary::title).orElse(""));
        variables.put("manageUrl", manageUrl);
        campaign.map(CampaignSummary::organisationName).ifPresent(name -> variables.put("organisationName", name));
        campaign.map(OutgoingEmail.Sender::forDonorsOf).ifPresent(sender -> variables.put(SENDER, sender));
        return variables;
    }

    /** The association the donor gave to, as the email's sender, when it is known. */
    private static OutgoingEmail.@Nullable Sender sender(Map<String, Object> variables) {
        return (OutgoingEmail.Sender) variables.get(SENDER);
    }
}
