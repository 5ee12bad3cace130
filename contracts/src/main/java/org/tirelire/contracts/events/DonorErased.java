package org.tirelire.contracts.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A donor asked for their personal data to be erased: the gift keeps its amount for the accounts, but
 * no longer carries who gave it. Every service forgets what it kept about this donor for this gift.
 *
 * @param donorEmailSha256 SHA-256 (hex) of the donor's lower-case email, so a service can find what it
 *     kept under that address without the event carrying the address again; absent for a gift without a donor
 */
public record DonorErased(
        String donationId, String campaignId, @Nullable String donorEmailSha256, Instant erasedAt)
        implements DonationEvent {

    /** How every service fingerprints an address for this event: SHA-256 of its trimmed lower-case form, in hex. */
    public static String emailSha256(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
