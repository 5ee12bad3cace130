package org.tirelire.notification.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tirelire.kit.web.Problems;
import org.tirelire.notification.fundraiser.CampaignNotOpen;
import org.tirelire.notification.fundraiser.FundraiserPageNotFound;
import org.tirelire.notification.fundraiser.GoalCurrencyMismatch;
import org.tirelire.notification.fundraiser.WrongEditToken;
import org.tirelire.notification.webhook.WebhookNotFound;
import org.tirelire.notification.webhook.WebhookRequestRefused;
import org.tirelire.notification.webhook.WebhookTargetRefused;

/** How refusals about collection pages read to a client. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblemResponses {

    @ExceptionHandler(CampaignNotOpen.class)
    ProblemDetail campaignNotOpen(CampaignNotOpen e) {
        return e.known()
                ? Problems.problem(HttpStatus.CONFLICT, "Campaign not collecting", e.getMessage())
                : Problems.problem(HttpStatus.NOT_FOUND, "Campaign not found", e.getMessage());
    }

    @ExceptionHandler(FundraiserPageNotFound.class)
    ProblemDetail pageNotFound(FundraiserPageNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Collection page not found", e.getMessage());
    }

    @ExceptionHandler(WrongEditToken.class)
    ProblemDetail wrongToken(WrongEditToken e) {
        return Problems.problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(GoalCurrencyMismatch.class)
    ProblemDetail currency(GoalCurrencyMismatch e) {
        return Problems.invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "Invalid collection page", "goal.currency", e.getMessage());
    }

    @ExceptionHandler(WebhookTargetRefused.class)
    ProblemDetail webhookTarget(WebhookTargetRefused e) {
        return Problems.invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "Webhook URL refused", "url", "The URL " + e.getMessage());
    }

    @ExceptionHandler(WebhookRequestRefused.class)
    ProblemDetail webhookRequest(WebhookRequestRefused e) {
        return Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "Webhook refused", e.field(), e.getMessage());
    }

    @ExceptionHandler(WebhookNotFound.class)
    ProblemDetail webhookNotFound(WebhookNotFound e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Webhook not found", e.getMessage());
    }
}
