package org.tirelire.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import org.tirelire.identity.api.AlreadyAMember;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.EmailAlreadyRegistered;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.InvalidEmbedSite;
import org.tirelire.identity.api.InvalidRefreshToken;
import org.tirelire.identity.api.InvitationAlreadyUsed;
import org.tirelire.identity.api.InvitationExpired;
import org.tirelire.identity.api.InvitationNotFound;
import org.tirelire.identity.api.LastAdministrator;
import org.tirelire.identity.api.MemberNotFound;
import org.tirelire.identity.api.NotAMember;
import org.tirelire.identity.api.PasswordNotConfirmed;
import org.tirelire.identity.api.RoleNeeded;
import org.tirelire.identity.api.TooManyFailedLogins;
import org.tirelire.identity.api.TwoFactorAlreadyOn;
import org.tirelire.identity.api.TwoFactorCodeRequired;
import org.tirelire.identity.api.TwoFactorEnrolmentRequired;
import org.tirelire.identity.api.TwoFactorNeededFirst;
import org.tirelire.identity.api.TwoFactorNotConfirmed;
import org.tirelire.identity.api.TwoFactorUnavailable;
import org.tirelire.identity.api.WeakPassword;
import org.tirelire.identity.api.WrongTwoFactorCode;
import tools.jackson.core.JacksonException;

/** Sign-up, login and token answers as RFC 9457 problems, like the services'; the web pages have theirs. */
@RestControllerAdvice(basePackageClasses = IdentityProblemResponses.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemResponses {

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalid(WebExchangeBindException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid.");
        problem.setProperty(
                "errors",
                e.getFieldErrors().stream()
                        .map(error ->
                                Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                        .toList());
        return problem;
    }

    @ExceptionHandler({ServerWebInputException.class, JacksonException.class})
    ProblemDetail unreadable(Exception e) {
        return problem(
                HttpStatus.BAD_REQUEST, "Unreadable request body", "The body is not valid JSON for this request.");
    }

    @ExceptionHandler(EmailAlreadyRegistered.class)
    ProblemDetail alreadyRegistered(EmailAlreadyRegistered e) {
        return invalidField(
                HttpStatus.CONFLICT, "Email already registered", e.getMessage(), "email", "already registered");
    }

    @ExceptionHandler(TooManyFailedLogins.class)
    ResponseEntity<ProblemDetail> tooManyFailedLogins(TooManyFailedLogins e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", e.getMessage()));
    }

    @ExceptionHandler(InvalidRefreshToken.class)
    ProblemDetail invalidRefreshToken(InvalidRefreshToken e) {
        return problem(HttpStatus.UNAUTHORIZED, "Session ended", e.getMessage());
    }

    @ExceptionHandler(InvalidAccessToken.class)
    ProblemDetail invalidAccessToken(InvalidAccessToken e) {
        return problem(HttpStatus.UNAUTHORIZED, "Sign in again", e.getMessage());
    }

    @ExceptionHandler(BadCredentials.class)
    ProblemDetail badCredentials(BadCredentials e) {
        return problem(HttpStatus.UNAUTHORIZED, "Login failed", e.getMessage());
    }

    @ExceptionHandler(NotAMember.class)
    ProblemDetail notAMember(NotAMember e) {
        return problem(HttpStatus.FORBIDDEN, "Not a member", e.getMessage());
    }

    @ExceptionHandler(RoleNeeded.class)
    ProblemDetail roleNeeded(RoleNeeded e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Not allowed for your role", e.getMessage());
        problem.setProperty("requiredRoles", List.of(e.role()));
        return problem;
    }

    @ExceptionHandler(PasswordNotConfirmed.class)
    ProblemDetail passwordNotConfirmed(PasswordNotConfirmed e) {
        return invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Password not confirmed",
                e.getMessage(),
                "currentPassword",
                e.getMessage());
    }

    @ExceptionHandler(InvalidEmbedSite.class)
    ProblemDetail invalidEmbedSite(InvalidEmbedSite e) {
        return invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "Invalid site", e.getMessage(), "origins", e.getMessage());
    }

    @ExceptionHandler(WeakPassword.class)
    ProblemDetail weakPassword(WeakPassword e) {
        return invalidField(
                HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid.", "password", e.getMessage());
    }

    @ExceptionHandler({TwoFactorCodeRequired.class, WrongTwoFactorCode.class})
    ProblemDetail secondFactor(RuntimeException e) {
        return invalidField(HttpStatus.UNAUTHORIZED, "Two-factor code needed", e.getMessage(), "code", e.getMessage());
    }

    @ExceptionHandler(TwoFactorNotConfirmed.class)
    ProblemDetail twoFactorNotConfirmed(TwoFactorNotConfirmed e) {
        return invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "Code not confirmed", e.getMessage(), "code", e.getMessage());
    }

    /** 403 with the token that lets the person set up their second factor, and nothing else. */
    @ExceptionHandler(TwoFactorEnrolmentRequired.class)
    ProblemDetail twoFactorEnrolmentRequired(TwoFactorEnrolmentRequired e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Two-factor sign-in required", e.getMessage());
        problem.setProperty("setupToken", e.setupToken());
        problem.setProperty("setupTokenExpiresIn", e.validFor().toSeconds());
        return problem;
    }

    @ExceptionHandler(TwoFactorUnavailable.class)
    ProblemDetail twoFactorUnavailable(TwoFactorUnavailable e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Two-factor sign-in unavailable", e.getMessage());
    }

    @ExceptionHandler(TwoFactorNeededFirst.class)
    ProblemDetail twoFactorNeededFirst(TwoFactorNeededFirst e) {
        return problem(HttpStatus.CONFLICT, "Two-factor sign-in needed first", e.getMessage());
    }

    @ExceptionHandler(TwoFactorAlreadyOn.class)
    ProblemDetail twoFactorAlreadyOn(TwoFactorAlreadyOn e) {
        return problem(HttpStatus.CONFLICT, "Two-factor sign-in already on", e.getMessage());
    }

    @ExceptionHandler(AlreadyAMember.class)
    ProblemDetail alreadyAMember(AlreadyAMember e) {
        return invalidField(HttpStatus.CONFLICT, "Already a member", e.getMessage(), "email", "already a member");
    }

    @ExceptionHandler(LastAdministrator.class)
    ProblemDetail lastAdministrator(LastAdministrator e) {
        return problem(HttpStatus.CONFLICT, "Last administrator", e.getMessage());
    }

    @ExceptionHandler(MemberNotFound.class)
    ProblemDetail memberNotFound(MemberNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Member not found", e.getMessage());
    }

    @ExceptionHandler(InvitationNotFound.class)
    ProblemDetail invitationNotFound(InvitationNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Invitation not found", e.getMessage());
    }

    @ExceptionHandler({InvitationExpired.class, InvitationAlreadyUsed.class})
    ProblemDetail invitationGone(RuntimeException e) {
        return problem(HttpStatus.GONE, "Invitation no longer valid", e.getMessage());
    }

    /** A refusal that names the one field it is about, as a list of {@code errors} like invalid input. */
    private static ProblemDetail invalidField(
            HttpStatus status, String title, String detail, String field, String message) {
        ProblemDetail problem = problem(status, title, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
