package org.tirelire.campaign.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tirelire.campaign.campaign.CampaignDeadlinePassed;
import org.tirelire.campaign.campaign.CampaignNotFound;
import org.tirelire.campaign.campaign.CampaignNotOwned;
import org.tirelire.campaign.campaign.CampaignReadOnly;
import org.tirelire.campaign.campaign.CampaignRevisionRefused;
import org.tirelire.campaign.campaign.CurrencyMismatch;
import org.tirelire.campaign.campaign.IllegalCampaignTransition;
import org.tirelire.campaign.campaign.MatchRefused;
import org.tirelire.campaign.campaign.PollRefused;
import org.tirelire.campaign.campaign.UnsupportedCurrency;
import org.tirelire.kit.web.Problems;

/** How campaign refusals read to a client. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CampaignProblemResponses {

    @ExceptionHandler(CampaignNotFound.class)
    ProblemDetail notFound(CampaignNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Campaign not found", e.getMessage());
    }

    @ExceptionHandler(CampaignNotOwned.class)
    ProblemDetail notOwned(CampaignNotOwned e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Not your organisation's campaign", e.getMessage());
    }

    @ExceptionHandler({IllegalCampaignTransition.class, CampaignDeadlinePassed.class})
    ProblemDetail conflict(RuntimeException e) {
        return Problems.problem(HttpStatus.CONFLICT, "Not possible in the campaign's current state", e.getMessage());
    }

    @ExceptionHandler(CurrencyMismatch.class)
    ProblemDetail currencyMismatch(CurrencyMismatch e) {
        return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid campaign", e.field(), e.getMessage());
    }

    @ExceptionHandler(CampaignReadOnly.class)
    ProblemDetail readOnly(CampaignReadOnly e) {
        return Problems.problem(HttpStatus.CONFLICT, "Campaign is read-only", e.getMessage());
    }

    @ExceptionHandler(MatchRefused.class)
    ProblemDetail matchRefused(MatchRefused e) {
        return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid match", e.field(), e.getMessage());
    }

    @ExceptionHandler(PollRefused.class)
    ProblemDetail pollRefused(PollRefused e) {
        return Problems.invalidField(e.status(), "Poll refused", e.field(), e.getMessage());
    }

    @ExceptionHandler(CampaignRevisionRefused.class)
    ProblemDetail revisionRefused(CampaignRevisionRefused e) {
        return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "Change refused", e.field(), e.getMessage());
    }

    @ExceptionHandler(UnsupportedCurrency.class)
    ProblemDetail unsupportedCurrency(UnsupportedCurrency e) {
        return Problems.invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "Invalid campaign", "goal.currency", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }
}
