package org.tirelire.donation.donation;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What giving needs to know of tax receipts, kept in the {@code receipt} package: whether a gift's
 * organisation issues them, and the signed link where its donor downloads theirs.
 */
public interface GiftReceipts {

    boolean issuedBy(String organisationId);

    /** The signed, expiring link to the gift's receipt; null when its donor did not ask for one. */
    @Nullable
    URI linkFor(Donation donation);
}
