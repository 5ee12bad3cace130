package org.tirelire.donation.identity;

/** The password typed again is not the organiser's, or too many attempts failed lately: nothing changes. */
public class PasswordNotConfirmed extends RuntimeException {

    private final boolean tooManyAttempts;

    public PasswordNotConfirmed(boolean tooManyAttempts) {
        super(
                tooManyAttempts
                        ? "Too many wrong passwords lately: try again in a few minutes"
                        : "This is not your current password: nothing was changed (currentPassword)");
        this.tooManyAttempts = tooManyAttempts;
    }

    public boolean tooManyAttempts() {
        return tooManyAttempts;
    }
}
