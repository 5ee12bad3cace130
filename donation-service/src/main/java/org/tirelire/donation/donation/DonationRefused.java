package org.tirelire.donation.donation;

import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.tirelire.donation.payment.PaymentProvider;

/** A gift that cannot be accepted, with the field at fault when there is one. Nothing is recorded. */
public class DonationRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public DonationRefused(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** Refuses a payment method the provider does not take (a gift's, or a recurring gift's new one). */
    public static void unlessTakenBy(PaymentProvider provider, String paymentMethod) {
        if (!provider.paymentMethods().contains(paymentMethod)) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "paymentMethod",
                    "'" + paymentMethod + "' is not a payment method of the "
                            + provider.kind().pathName() + " provider; use one of "
                            + new TreeSet<>(provider.paymentMethods()));
        }
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
