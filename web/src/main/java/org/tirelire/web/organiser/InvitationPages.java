package org.tirelire.web.organiser;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.InvitationAlreadyUsed;
import org.tirelire.identity.api.InvitationExpired;
import org.tirelire.identity.api.InvitationNotFound;
import org.tirelire.identity.api.OrganisationTeam;
import org.tirelire.identity.api.OrganisationTeam.InvitationDetails;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.TooManyFailedLogins;
import org.tirelire.identity.api.WeakPassword;
import org.tirelire.web.page.PageNotFound;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/**
 * Where an invitation email's link leads: who invites the person, to which organisation, in which role;
 * they choose a password (or type theirs, when the email already has an account) and are signed in for
 * that organisation.
 */
@Controller
class InvitationPages {

    private final OrganisationTeam team;
    private final OrganiserSignIn signIn;
    private final OrganiserSession sessions;

    InvitationPages(OrganisationTeam team, OrganiserSignIn signIn, OrganiserSession sessions) {
        this.team = team;
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GetMapping("/invitations/{token}")
    Mono<String> invitation(@PathVariable String token, ServerWebExchange exchange, Model model) {
        return team.invitation(token)
                .map(invitation -> page(token, invitation, null, model))
                .onErrorMap(InvitationNotFound.class, e -> new PageNotFound())
                .onErrorResume(
                        e -> e instanceof InvitationExpired || e instanceof InvitationAlreadyUsed,
                        e -> gone(e, exchange, model));
    }

    @PostMapping("/invitations/{token}")
    Mono<String> accept(
            @PathVariable String token,
            @ModelAttribute("acceptance") MemberForms.Acceptance acceptance,
            ServerWebExchange exchange,
            Model model) {
        return team.accept(token, acceptance.password())
                .flatMap(joined -> signIn.logIn(joined.email(), acceptance.password(), joined.organisationId()))
                .map(tokens -> {
                    sessions.open(exchange, tokens);
                    return "redirect:/organiser?joined=1";
                })
                .onErrorMap(InvitationNotFound.class, e -> new PageNotFound())
                .onErrorResume(
                        e -> e instanceof InvitationExpired || e instanceof InvitationAlreadyUsed,
                        e -> gone(e, exchange, model))
                .onErrorResume(
                        e -> e instanceof BadCredentials
                                || e instanceof WeakPassword
                                || e instanceof TooManyFailedLogins,
                        e -> team.invitation(token).map(invitation -> {
                            exchange.getResponse()
                                    .setStatusCode(
                                            e instanceof TooManyFailedLogins
                                                    ? HttpStatus.TOO_MANY_REQUESTS
                                                    : HttpStatus.UNPROCESSABLE_CONTENT);
                            String error = e instanceof WeakPassword
                                    ? "invitation.error.weak"
                                    : e instanceof TooManyFailedLogins
                                            ? "invitation.error.tooMany"
                                            : "invitation.error.password";
                            return page(token, invitation, error, model);
                        }));
    }

    private static String page(String token, InvitationDetails invitation, String error, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("error", error);
        return "organiser/invitation";
    }

    private static Mono<String> gone(Throwable why, ServerWebExchange exchange, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.GONE);
        model.addAttribute("gone", why instanceof InvitationExpired ? "expired" : "used");
        model.addAttribute("invitation", null);
        model.addAttribute("error", null);
        return Mono.just("organiser/invitation");
    }
}
