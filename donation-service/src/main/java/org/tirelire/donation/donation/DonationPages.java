package org.tirelire.donation.donation;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the platform's pages show a gift, for a donor sent back from a provider's payment page. */
@Component
class DonationPages {

    private final String publicBaseUrl;

    DonationPages(@Value("${tirelire.donations.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The gift's status page: pending while the provider confirms, then thanks (or declined). */
    URI statusPageOf(String donationId) {
        return URI.create(publicBaseUrl + "/donations/" + donationId);
    }
}
