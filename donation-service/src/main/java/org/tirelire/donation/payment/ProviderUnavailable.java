package org.tirelire.donation.payment;

/**
 * The provider did not answer, or answered with an error of its own: nothing can be assumed, try again.
 * The message is for the person waiting; what the provider said is in {@link #detail()}, for the logs.
 */
public class ProviderUnavailable extends RuntimeException {

    private final String detail;

    public ProviderUnavailable(ProviderKind provider, String detail) {
        super(provider.displayName() + " does not answer just now: nothing was lost, try again in a moment");
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
