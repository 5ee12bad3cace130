package org.tirelire.web.organiser;

import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.identity.api.AlreadyAMember;
import org.tirelire.identity.api.LastAdministrator;
import org.tirelire.identity.api.MemberNotFound;
import org.tirelire.identity.api.OrganisationTeam;
import org.tirelire.identity.api.PasswordNotConfirmed;
import org.tirelire.identity.api.RoleNeeded;
import org.tirelire.identity.api.TooManyFailedLogins;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
import reactor.core.publisher.Mono;

/**
 * The people of the organisation: every member sees who they are; an administrator invites, changes
 * roles and removes. A change made long after signing in asks for the password: the page then shows a
 * confirmation with a password field that sends the same change again.
 */
@Controller
class MemberPages {

    private final OrganisationTeam team;
    private final OrganiserSession sessions;

    MemberPages(OrganisationTeam team, OrganiserSession sessions) {
        this.team = team;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/members")
    Mono<String> members(
            @RequestParam(required = false) @Nullable String done, ServerWebExchange exchange, Model model) {
        model.addAttribute("done", done == null ? null : done.replaceAll("[^a-z]", ""));
        return sessions.required(exchange)
                .flatMap(organiser -> page(organiser, MemberForms.Invite.empty(), Map.of(), model));
    }

    @PostMapping("/organiser/members")
    Mono<String> invite(
            @Valid @ModelAttribute("invite") MemberForms.Invite form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange).flatMap(organiser -> {
            if (binding.hasErrors()) {
                return refused(organiser, form, FormInput.errors(binding), HttpStatus.BAD_REQUEST, exchange, model);
            }
            return team.invite(organiser.token(), form.email(), form.role(), form.password())
                    .thenReturn("redirect:/organiser/members?done=invited")
                    .onErrorResume(
                            AlreadyAMember.class,
                            e -> refused(
                                    organiser,
                                    form,
                                    Map.of("email", "members.error.alreadyMember"),
                                    HttpStatus.CONFLICT,
                                    exchange,
                                    model))
                    .onErrorResume(
                            PasswordNotConfirmed.class,
                            e -> refused(
                                    organiser,
                                    form,
                                    Map.of("currentPassword", "members.error.currentPassword"),
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    exchange,
                                    model))
                    .onErrorResume(
                            e -> e instanceof RoleNeeded || e instanceof TooManyFailedLogins,
                            e -> refused(organiser, form, Map.of("form", messageOf(e)), statusOf(e), exchange, model));
        });
    }

    @PostMapping("/organiser/members/{memberId}/role")
    Mono<String> changeRole(
            @PathVariable String memberId,
            @ModelAttribute("change") MemberForms.MemberChange change,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange).flatMap(organiser -> {
            if (!change.validRole()) {
                return refused(
                        organiser,
                        MemberForms.Invite.empty(),
                        Map.of("form", "members.error.role"),
                        HttpStatus.BAD_REQUEST,
                        exchange,
                        model);
            }
            return memberChange(
                    organiser,
                    team.changeRole(organiser.token(), memberId, change.role(), change.password()),
                    "role",
                    memberId,
                    change.role(),
                    exchange,
                    model);
        });
    }

    @PostMapping("/organiser/members/{memberId}/remove")
    Mono<String> remove(
            @PathVariable String memberId,
            @ModelAttribute("change") MemberForms.MemberChange change,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> team.team(organiser.token())
                        .flatMap(before -> !change.removalConfirmed()
                                ? confirmRemoval(before, memberId, model)
                                : memberChange(
                                                organiser,
                                                team.remove(organiser.token(), memberId, change.password()),
                                                "remove",
                                                memberId,
                                                "",
                                                exchange,
                                                model)
                                        // Who removed themselves no longer acts for the organisation.
                                        .flatMap(next ->
                                                before.yourMemberId().equals(memberId) && next.startsWith("redirect:")
                                                        ? sessions.end(exchange).thenReturn("redirect:/")
                                                        : Mono.just(next))));
    }

    /** Removing someone is asked once more, naming them; the confirmation sends the same removal. */
    private Mono<String> confirmRemoval(OrganisationTeam.Team team, String memberId, Model model) {
        String who = team.members().stream()
                .filter(member -> member.id().equals(memberId))
                .map(OrganisationTeam.TeamMember::email)
                .findFirst()
                .orElse("");
        model.addAttribute("confirm", Map.of("action", "remove", "memberId", memberId, "role", ""));
        model.addAttribute("confirmWho", who);
        return Mono.just(page(
                team,
                MemberForms.Invite.empty(),
                Map.of(
                        "confirm",
                        team.yourMemberId().equals(memberId) ? "members.confirm.leave" : "members.confirm.remove"),
                model));
    }

    private Mono<String> memberChange(
            Organiser organiser,
            Mono<Void> change,
            String action,
            String memberId,
            String role,
            ServerWebExchange exchange,
            Model model) {
        return change.thenReturn("redirect:/organiser/members?done=" + action)
                .onErrorResume(PasswordNotConfirmed.class, e -> {
                    // The same change again, once the password is typed.
                    model.addAttribute("confirm", Map.of("action", action, "memberId", memberId, "role", role));
                    model.addAttribute("confirmWho", "");
                    return refused(
                            organiser,
                            MemberForms.Invite.empty(),
                            Map.of(
                                    "confirm",
                                    e.getMessage().contains("not your password")
                                            ? "members.error.currentPassword.wrong"
                                            : "members.error.currentPassword"),
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            exchange,
                            model);
                })
                .onErrorResume(
                        e -> e instanceof LastAdministrator
                                || e instanceof MemberNotFound
                                || e instanceof RoleNeeded
                                || e instanceof TooManyFailedLogins,
                        e -> refused(
                                organiser,
                                MemberForms.Invite.empty(),
                                Map.of("form", messageOf(e)),
                                statusOf(e),
                                exchange,
                                model));
    }

    private Mono<String> refused(
            Organiser organiser,
            MemberForms.Invite form,
            Map<String, String> errors,
            HttpStatus status,
            ServerWebExchange exchange,
            Model model) {
        exchange.getResponse().setStatusCode(status);
        return page(organiser, form.typed(), errors, model);
    }

    private Mono<String> page(Organiser organiser, MemberForms.Invite form, Map<String, String> errors, Model model) {
        return team.team(organiser.token()).map(members -> page(members, form, errors, model));
    }

    private static String page(
            OrganisationTeam.Team members, MemberForms.Invite form, Map<String, String> errors, Model model) {
        model.addAttribute("team", members);
        model.addAttribute("invite", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", new String[] {"ADMIN", "TREASURER", "EDITOR", "VOLUNTEER"});
        return "organiser/members";
    }

    private static String messageOf(Throwable refusal) {
        if (refusal instanceof LastAdministrator) {
            return "members.error.lastAdmin";
        }
        if (refusal instanceof MemberNotFound) {
            return "members.error.notFound";
        }
        if (refusal instanceof TooManyFailedLogins) {
            return "members.error.tooMany";
        }
        return "members.error.adminOnly";
    }

    private static HttpStatus statusOf(Throwable refusal) {
        if (refusal instanceof LastAdministrator) {
            return HttpStatus.CONFLICT;
        }
        if (refusal instanceof MemberNotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof TooManyFailedLogins) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return HttpStatus.FORBIDDEN;
    }
}
