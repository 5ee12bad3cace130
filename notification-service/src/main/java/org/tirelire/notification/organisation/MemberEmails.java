package org.tirelire.notification.organisation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.contracts.events.MemberInvited;
import org.tirelire.contracts.events.MemberJoined;
import org.tirelire.contracts.events.MemberRemoved;
import org.tirelire.contracts.events.MemberRoleChanged;
import org.tirelire.contracts.events.PaymentAccountChanged;
import org.tirelire.notification.email.EmailOutbox;
import org.tirelire.notification.email.EmailProperties;
import org.tirelire.notification.email.EmailTemplates;

/**
 * Who belongs to each organisation, kept from the member events, and what they are told: the invitation
 * itself, and every administrator hears of each change of members, roles or payment account — whoever
 * made it, so that a change made from a stolen session does not go unseen.
 */
@Component
public class MemberEmails {

    private final OrganisationMembers members;
    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final EmailProperties properties;

    MemberEmails(
            OrganisationMembers members, EmailOutbox outbox, EmailTemplates templates, EmailProperties properties) {
        this.members = members;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
    }

    public void invited(MemberInvited invited) {
        outbox.enqueue(
                "invitation:" + invited.memberId() + ":" + invited.invitedAt().toEpochMilli(),
                invited.email(),
                templates.render(
                        "member-invitation",
                        EmailTemplates.FRENCH,
                        new Object[] {invited.organisationName()},
                        Map.of(
                                "organisationName", invited.organisationName(),
                                "invitedBy", invited.invitedBy(),
                                "role", role(invited.role()),
                                "expiresAt", invited.expiresAt(),
                                "acceptUrl",
                                        properties.publicBaseUrl() + "/invitations/" + invited.invitationToken())));
    }

    /** A new member: the administrators already there are told (a founder, alone, is not). */
    public void joined(MemberJoined joined) {
        List<String> administrators = administratorsOf(joined.organisationId());
        members.save(new OrganisationMember(joined.memberId(), joined.organisationId(), joined.email(), joined.role()));
        tell(
                administrators.stream()
                        .filter(email -> !email.equals(joined.email()))
                        .toList(),
                "member-joined:" + joined.memberId(),
                Map.of(
                        "kind", "joined",
                        "member", joined.email(),
                        "role", role(joined.role()),
                        "by", joined.email(),
                        "at", joined.joinedAt()));
    }

    /** The administrators and the member hear of a new role. */
    public void roleChanged(MemberRoleChanged changed) {
        members.save(
                new OrganisationMember(changed.memberId(), changed.organisationId(), changed.email(), changed.role()));
        tell(
                with(administratorsOf(changed.organisationId()), changed.email()),
                "member-role:" + changed.memberId() + ":" + changed.changedAt().toEpochMilli(),
                Map.of(
                        "kind", "role",
                        "member", changed.email(),
                        "previousRole", role(changed.previousRole()),
                        "role", role(changed.role()),
                        "by", changed.changedBy(),
                        "at", changed.changedAt()));
    }

    /** The administrators, and the person removed, hear of it (before they are forgotten here). */
    public void removed(MemberRemoved removed) {
        List<String> told = with(administratorsOf(removed.organisationId()), removed.email());
        members.deleteById(removed.memberId());
        tell(
                told,
                "member-removed:" + removed.memberId() + ":"
                        + removed.removedAt().toEpochMilli(),
                Map.of(
                        "kind", "removed",
                        "member", removed.email(),
                        "role", role(removed.role()),
                        "by", removed.removedBy(),
                        "at", removed.removedAt()));
    }

    /** Every administrator; before any member event was heard of, the person who made the change. */
    public void paymentAccountChanged(PaymentAccountChanged changed) {
        MessageSourceResolvable provider = new DefaultMessageSourceResolvable("provider." + changed.provider());
        List<String> administrators = administratorsOf(changed.organisationId());
        for (String administrator : administrators.isEmpty() ? List.of(changed.changedBy()) : administrators) {
            outbox.enqueue(
                    "payment-account:" + changed.organisationId() + ":"
                            + changed.changedAt().toEpochMilli() + ":" + administrator,
                    administrator,
                    templates.render(
                            "payment-account-changed",
                            EmailTemplates.FRENCH,
                            new Object[] {provider},
                            Map.of(
                                    "changedBy", changed.changedBy(),
                                    "changedAt", changed.changedAt(),
                                    "provider", provider,
                                    "sandbox", "SANDBOX".equals(changed.provider()),
                                    "settingsUrl", properties.publicBaseUrl() + "/organiser/payments")));
        }
    }

    private void tell(List<String> recipients, String emailId, Map<String, Object> change) {
        Map<String, Object> variables = new HashMap<>(change);
        variables.put("membersUrl", properties.publicBaseUrl() + "/organiser/members");
        for (String recipient : recipients) {
            outbox.enqueue(
                    emailId + ":" + recipient,
                    recipient,
                    templates.render("members-changed", EmailTemplates.FRENCH, new Object[] {}, variables));
        }
    }

    private List<String> administratorsOf(String organisationId) {
        return members.findByOrganisationIdAndRole(organisationId, OrganisationRole.ADMIN.name()).stream()
                .map(OrganisationMember::email)
                .toList();
    }

    private static List<String> with(List<String> administrators, String member) {
        Set<String> recipients = new LinkedHashSet<>(administrators);
        recipients.add(member);
        return List.copyOf(recipients);
    }

    private static MessageSourceResolvable role(String role) {
        return new DefaultMessageSourceResolvable("role." + role);
    }
}
