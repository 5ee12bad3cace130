package org.tirelire.donation.payment;

/** The provider did not answer, or answered with an error of its own: nothing can be assumed, try again. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(ProviderKind provider, String detail) {
        super(provider.pathName() + " is unavailable: " + detail);
    }
}
