package org.tirelire.donation.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.tirelire.contracts.http.Shed;
import org.tirelire.donation.donation.CampaignNotHeardOfYet;
import org.tirelire.donation.donation.CampaignNotOwned;
import org.tirelire.donation.donation.CampaignUnknown;
import org.tirelire.donation.donation.DonationNotFound;
import org.tirelire.donation.donation.DonationRefused;
import org.tirelire.donation.donation.IllegalDonationTransition;
import org.tirelire.donation.idempotency.IdempotencyKeyReused;
import org.tirelire.donation.identity.IdentityUnavailable;
import org.tirelire.donation.identity.PasswordNotConfirmed;
import org.tirelire.donation.moderation.NotAHeldWord;
import org.tirelire.donation.payment.InvalidWebhook;
import org.tirelire.donation.payment.PaymentRefused;
import org.tirelire.donation.payment.ProviderUnavailable;
import org.tirelire.donation.payment.account.CredentialsKeyMissing;
import org.tirelire.donation.payment.account.CredentialsUnreadable;
import org.tirelire.donation.payment.account.PaymentAccountRefused;
import org.tirelire.donation.receipt.ReceiptLinkRefused;
import org.tirelire.donation.receipt.ReceiptNotFound;
import org.tirelire.donation.receipt.ReceiptNotReady;
import org.tirelire.donation.receipt.ReceiptsUnavailable;
import org.tirelire.donation.subscription.SubscriptionLinkRefused;
import org.tirelire.donation.subscription.SubscriptionNotChangeable;
import org.tirelire.donation.subscription.SubscriptionNotFound;
import org.tirelire.kit.web.Problems;

/** How donation refusals read to a client. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DonationProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(DonationProblemResponses.class);

    @ExceptionHandler(DonationRefused.class)
    ProblemDetail refused(DonationRefused e) {
        return Problems.invalidField(e.status(), "Donation refused", e.field(), e.getMessage());
    }

    /** Answered as a shed gift (ADR 39): the giving page and the API's clients send it again with its key. */
    @ExceptionHandler(CampaignNotHeardOfYet.class)
    ResponseEntity<ProblemDetail> campaignNotHeardOfYet(CampaignNotHeardOfYet e) {
        ProblemDetail problem =
                Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "This campaign opened a moment ago", e.getMessage());
        problem.setProperty("busy", true);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Shed.RETRY_AFTER_SECONDS)
                .header(Shed.HEADER, Shed.VALUE)
                .body(problem);
    }

    @ExceptionHandler(SubscriptionLinkRefused.class)
    ProblemDetail subscriptionLinkRefused(SubscriptionLinkRefused e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Link not valid", e.getMessage());
    }

    @ExceptionHandler(SubscriptionNotFound.class)
    ProblemDetail subscriptionNotFound(SubscriptionNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Regular gift not found", e.getMessage());
    }

    @ExceptionHandler(SubscriptionNotChangeable.class)
    ProblemDetail subscriptionNotChangeable(SubscriptionNotChangeable e) {
        return Problems.problem(HttpStatus.CONFLICT, "Gift cannot change", e.getMessage());
    }

    @ExceptionHandler(ReceiptNotFound.class)
    ProblemDetail receiptNotFound(ReceiptNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Receipt not found", e.getMessage());
    }

    @ExceptionHandler(ReceiptNotReady.class)
    ResponseEntity<ProblemDetail> receiptNotReady(ReceiptNotReady e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CONFLICT);
        if (e.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return answer.body(Problems.problem(HttpStatus.CONFLICT, "Receipt not issued yet", e.getMessage()));
    }

    @ExceptionHandler(ReceiptLinkRefused.class)
    ProblemDetail receiptLinkRefused(ReceiptLinkRefused e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Receipt link not valid", e.getMessage());
    }

    @ExceptionHandler(ReceiptsUnavailable.class)
    ProblemDetail receiptsUnavailable(ReceiptsUnavailable e) {
        return Problems.problem(HttpStatus.CONFLICT, "Receipts not issued", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused e) {
        return Problems.invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused", "Idempotency-Key", e.getMessage());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return Problems.invalidField(
                HttpStatus.BAD_REQUEST,
                "Missing header",
                e.getHeaderName(),
                "The " + e.getHeaderName() + " header is required: send a new unique value for each new gift,"
                        + " and the same value when you retry the same gift.");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidHeader(HandlerMethodValidationException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "A header or parameter is invalid.");
    }

    @ExceptionHandler(NotAHeldWord.class)
    ProblemDetail notAHeldWord(NotAHeldWord e) {
        return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid held words", "words", e.getMessage());
    }

    @ExceptionHandler(DonationNotFound.class)
    ProblemDetail notFound(DonationNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Donation not found", e.getMessage());
    }

    @ExceptionHandler(CampaignUnknown.class)
    ProblemDetail campaignUnknown(CampaignUnknown e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Campaign not found", e.getMessage());
    }

    @ExceptionHandler(CampaignNotOwned.class)
    ProblemDetail notOwned(CampaignNotOwned e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Not your organisation's campaign", e.getMessage());
    }

    @ExceptionHandler(IllegalDonationTransition.class)
    ProblemDetail conflict(IllegalDonationTransition e) {
        return Problems.problem(HttpStatus.CONFLICT, "Not possible in the donation's current state", e.getMessage());
    }

    @ExceptionHandler(InvalidWebhook.class)
    ProblemDetail invalidWebhook(InvalidWebhook e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Webhook refused", e.getMessage());
    }

    @ExceptionHandler(PaymentAccountRefused.class)
    ProblemDetail paymentAccountRefused(PaymentAccountRefused e) {
        return Problems.invalidField(e.status(), "Payment account refused", e.field(), e.getMessage());
    }

    /**
     * A wrong password is a wrong field of a signed-in organiser's request (422), not a failed sign-in: a
     * 401 would tell clients that the session is over.
     */
    @ExceptionHandler(PasswordNotConfirmed.class)
    ResponseEntity<ProblemDetail> passwordNotConfirmed(PasswordNotConfirmed e) {
        HttpStatus status = e.tooManyAttempts() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_CONTENT;
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (e.tooManyAttempts()) {
            answer.header(HttpHeaders.RETRY_AFTER, "900");
        }
        return answer.body(Problems.invalidField(status, "Password not confirmed", "currentPassword", e.getMessage()));
    }

    @ExceptionHandler({
        IdentityUnavailable.class,
        ProviderUnavailable.class,
        CredentialsKeyMissing.class,
        CredentialsUnreadable.class
    })
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        if (e instanceof ProviderUnavailable provider) {
            log.warn("{} ({})", provider.getMessage(), provider.detail());
        } else if (e instanceof CredentialsUnreadable) {
            log.error(
                    "Stored payment credentials do not open with tirelire.payments.credentials-key: {}",
                    e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Not available just now", e.getMessage()));
    }

    @ExceptionHandler(PaymentRefused.class)
    ProblemDetail paymentRefused(PaymentRefused e) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Refused by the payment provider", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }
}
