package org.tirelire.web.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import org.tirelire.web.platform.PlatformRequests.Gift;
import org.tirelire.web.platform.PlatformRequests.OfflineGift;
import org.tirelire.web.platform.PlatformRequests.PaymentAccountChange;
import org.tirelire.web.platform.PlatformRequests.ReceiptSettingsChange;
import org.tirelire.web.platform.PlatformRequests.SubscriptionAmount;
import org.tirelire.web.platform.PlatformRequests.SubscriptionLinks;
import org.tirelire.web.platform.PlatformRequests.SubscriptionMethod;
import org.tirelire.web.platform.PlatformRequests.SubscriptionPause;
import org.tirelire.web.platform.PlatformViews.AnnualReceipts;
import org.tirelire.web.platform.PlatformViews.Donation;
import org.tirelire.web.platform.PlatformViews.DonationsPage;
import org.tirelire.web.platform.PlatformViews.OrganiserDonation;
import org.tirelire.web.platform.PlatformViews.PaymentAccount;
import org.tirelire.web.platform.PlatformViews.PaymentMethods;
import org.tirelire.web.platform.PlatformViews.ReceiptPolicy;
import org.tirelire.web.platform.PlatformViews.ReceiptRegister;
import org.tirelire.web.platform.PlatformViews.ReceiptSettings;
import org.tirelire.web.platform.PlatformViews.Subscription;
import org.tirelire.web.platform.PlatformViews.SubscriptionMethodChange;
import org.tirelire.web.platform.PlatformViews.SubscriptionsOverview;
import org.tirelire.web.platform.PlatformViews.Supporter;
import reactor.core.publisher.Mono;

/** donation-service's public API, as the pages call it. */
@HttpExchange("/api")
public interface DonationApi {

    /** A donor's gift; the same key (made when the form was shown) never gives twice. */
    @PostExchange("/donations")
    Mono<Donation> give(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody Gift gift);

    @GetExchange("/donations/{id}")
    Mono<Donation> donation(@PathVariable String id);

    /** The methods a donor may pay a gift to this campaign with, through its organisation's provider. */
    @GetExchange("/payments/methods")
    Mono<PaymentMethods> paymentMethods(@RequestParam String campaignId);

    @GetExchange("/organisations/me/payments")
    Mono<PaymentAccount> paymentAccount(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** Answers the account as it is now, or {@code INVALID} with why when the provider refused the credentials. */
    @PutExchange("/organisations/me/payments")
    Mono<PaymentAccount> connectPaymentAccount(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody PaymentAccountChange change);

    /** Whether the campaign's organisation issues tax receipts, and what these amounts cost after the reduction. */
    @GetExchange("/campaigns/{id}/receipt-policy")
    Mono<ReceiptPolicy> receiptPolicy(
            @PathVariable String id, @RequestParam(required = false) @Nullable List<Long> amounts);

    @GetExchange("/organisations/me/receipts/settings")
    Mono<ReceiptSettings> receiptSettings(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PutExchange("/organisations/me/receipts")
    Mono<ReceiptSettings> changeReceiptSettings(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody ReceiptSettingsChange change);

    @GetExchange("/organisations/me/receipts")
    Mono<ReceiptRegister> receiptRegister(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam int year);

    @GetExchange(url = "/organisations/me/receipts", accept = "text/csv")
    Mono<byte[]> receiptRegisterCsv(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam int year);

    @GetExchange("/organisations/me/receipts/archive")
    Mono<byte[]> receiptArchive(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam int year);

    @GetExchange("/organisations/me/receipts/{number}.pdf")
    Mono<byte[]> receiptPdf(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String number);

    @PostExchange("/organisations/me/receipts/annual")
    Mono<AnnualReceipts> issueAnnualReceipts(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam int year);

    @GetExchange("/organisations/me/subscriptions")
    Mono<SubscriptionsOverview> subscriptions(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @GetExchange(url = "/organisations/me/subscriptions", accept = "text/csv")
    Mono<byte[]> subscriptionsCsv(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PostExchange("/organisations/me/subscriptions/{id}/cancel")
    Mono<Void> cancelSubscriptionForDonor(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** Emails a new link for each regular gift from this address; answers the same whether there is one. */
    @PostExchange("/subscriptions/links")
    Mono<Void> sendSubscriptionLinks(@RequestBody SubscriptionLinks request);

    /** A donor's recurring gift, through the signed link they were given. */
    @GetExchange("/subscriptions/{id}")
    Mono<Subscription> subscription(@PathVariable String id, @RequestParam String token);

    @PostExchange("/subscriptions/{id}/cancel")
    Mono<Subscription> cancelSubscription(@PathVariable String id, @RequestParam String token);

    @PostExchange("/subscriptions/{id}/pause")
    Mono<Subscription> pauseSubscription(
            @PathVariable String id, @RequestParam String token, @RequestBody SubscriptionPause pause);

    /** Another payment method; {@code redirect} is the provider's page when the donor gives it there. */
    @PostExchange("/subscriptions/{id}/payment-method")
    Mono<SubscriptionMethodChange> changeSubscriptionMethod(
            @PathVariable String id, @RequestParam String token, @RequestBody SubscriptionMethod method);

    @PostExchange("/subscriptions/{id}/amount")
    Mono<Subscription> changeSubscriptionAmount(
            @PathVariable String id, @RequestParam String token, @RequestBody SubscriptionAmount amount);

    @GetExchange("/campaigns/{id}/supporters")
    Mono<List<Supporter>> supporters(@PathVariable String id);

    /** A page of the campaign's donations, newest first, optionally only those in one status. */
    @GetExchange("/campaigns/{id}/donations")
    Mono<DonationsPage> donations(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestParam int page,
            @RequestParam int size,
            @RequestParam(required = false) @Nullable String status);

    /** The CSV export for French Excel, as donation-service writes it. */
    @GetExchange(url = "/campaigns/{id}/donations", accept = "text/csv")
    Mono<byte[]> donationsCsv(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** What the organiser learns from the campaign's gifts: figures, sources, day by day. */
    @GetExchange("/campaigns/{id}/insights")
    Mono<PlatformViews.Insights> insights(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** The same figures day by day, for a spreadsheet. */
    @GetExchange(url = "/campaigns/{id}/insights", accept = "text/csv")
    Mono<byte[]> insightsCsv(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    @PostExchange("/campaigns/{id}/offline-donations")
    Mono<OrganiserDonation> recordOfflineGift(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody OfflineGift gift);

    @PostExchange("/donations/{id}/refund")
    Mono<Void> refund(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** A message held for a word, or hidden, shows on the campaign's public wall again. */
    @PostExchange("/donations/{id}/message/show")
    Mono<Void> showMessage(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    /** The organisation's held words: a message containing one waits until someone shows it. */
    @GetExchange("/organisations/me/moderation")
    Mono<PlatformViews.HeldWords> heldWords(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PutExchange("/organisations/me/moderation")
    Mono<PlatformViews.HeldWords> replaceHeldWords(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody PlatformViews.HeldWords words);

    /** The donor's message leaves the campaign's public wall. */
    @PostExchange("/donations/{id}/message/hide")
    Mono<Void> hideMessage(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);
}
