package org.tirelire.donation.payment.account;

/**
 * Stored credentials do not open with the configured key (the key was lost or changed): the
 * organisation's gifts cannot start until an organiser connects its account again. Never a fallback to
 * the sandbox: a donor must not believe a make-believe gift was paid.
 */
public class CredentialsUnreadable extends RuntimeException {

    public CredentialsUnreadable() {
        super("This association's payment account cannot be used just now: its organisers have to connect it"
                + " again");
    }
}
