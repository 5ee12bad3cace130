package org.tirelire.donation.receipt;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.GiftReceipts;
import org.tirelire.kit.links.LinkSignatures;

/**
 * The links where a donor downloads their receipt without an account: the gift's id and an expiry, signed,
 * so that nobody reaches another donor's receipt (it carries their postal address), and a link forwarded
 * or leaked stops working. The gift's page and the 201 answer always carry a fresh one.
 */
@Component
class ReceiptLinks implements GiftReceipts {

    private final LinkSignatures signatures;
    private final ReceiptSettingsChanges settings;
    private final String publicBaseUrl;
    private final Duration validity;
    private final Clock clock;

    ReceiptLinks(
            MongoTemplate mongo,
            ReceiptSettingsChanges settings,
            @Value("${tirelire.donations.public-base-url}") String publicBaseUrl,
            @Value("${tirelire.receipts.link-validity:90d}") Duration validity,
            Clock clock) {
        this.signatures = new LinkSignatures(mongo, "receipt-link-secret");
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
        this.validity = validity;
        this.clock = clock;
    }

    @Override
    public boolean issuedBy(String organisationId) {
        return settings.issuing(organisationId).isPresent();
    }

    @Override
    public @Nullable URI linkFor(Donation donation) {
        if (!donation.receiptWanted()) {
            return null;
        }
        return URI.create(publicBaseUrl + "/api/donations/" + donation.id() + "/receipt?token="
                + signatures.expiringToken(
                        subject(donation.id()), clock.instant().plus(validity)));
    }

    /** Whether the token is one this service signed for this gift, and has not expired. */
    boolean admits(String donationId, @Nullable String token) {
        return signatures.admits(subject(donationId), token, clock.instant());
    }

    private static String subject(String donationId) {
        return "receipt:" + donationId;
    }
}
