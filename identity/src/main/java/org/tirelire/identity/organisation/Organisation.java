package org.tirelire.identity.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.contracts.events.MemberEvent;
import org.tirelire.contracts.events.MemberInvited;
import org.tirelire.contracts.events.MemberJoined;
import org.tirelire.contracts.events.MemberRemoved;
import org.tirelire.contracts.events.MemberRoleChanged;
import org.tirelire.identity.api.AlreadyAMember;
import org.tirelire.identity.api.InvitationNotFound;
import org.tirelire.identity.api.LastAdministrator;
import org.tirelire.identity.api.MemberNotFound;
import org.tirelire.identity.organisation.Member.Status;
import org.tirelire.identity.token.SecretTokens;

/**
 * An organisation and the people who act for it, in one document: each change of its members is one
 * atomic, version-checked write, so that "at least one administrator stays" holds even when two
 * administrators change roles at the same moment. Its events wait in {@link #outbox} until Kafka has them.
 */
@Document("organisations")
public class Organisation {

    @Id
    private final String id;

    private final String name;
    private final Instant createdAt;
    private final List<Member> members;
    private final List<PendingMemberEvent> outbox;
    /** Every member signs in with a second factor; null in documents from before it could be asked. */
    private @Nullable Boolean twoFactorRequired;
    /** The sites allowed to show its campaigns' widgets in a frame; null in documents from before widgets. */
    private @Nullable List<String> embedOrigins;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Organisation(
            String id,
            String name,
            Instant createdAt,
            List<Member> members,
            List<PendingMemberEvent> outbox,
            @Nullable Boolean twoFactorRequired,
            @Nullable List<String> embedOrigins,
            @Nullable Long version) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.members = new ArrayList<>(members);
        this.outbox = new ArrayList<>(outbox);
        this.twoFactorRequired = twoFactorRequired;
        this.embedOrigins = embedOrigins == null ? null : List.copyOf(embedOrigins);
        this.version = version;
    }

    /** A new organisation whose founder is its first administrator. */
    static Organisation founded(String id, String name, String founderAccountId, String founderEmail, Instant now) {
        Organisation organisation = new Organisation(id, name, now, List.of(), List.of(), false, List.of(), null);
        Member founder = Member.founder(UUID.randomUUID().toString(), founderAccountId, founderEmail, now);
        organisation.members.add(founder);
        organisation.record(
                new MemberJoined(
                        id,
                        name,
                        founder.memberId(),
                        founderEmail,
                        founder.role().name(),
                        now),
                now);
        return organisation;
    }

    /**
     * Invites a person, or invites them again with a new link (the previous one stops working).
     *
     * @param token the link's token, carried by the event to the email; only its hash is kept
     */
    Member invite(String email, OrganisationRole role, String invitedBy, String token, Instant expiresAt, Instant now) {
        Optional<Member> known = memberWithEmail(email);
        if (known.filter(Member::active).isPresent()) {
            throw new AlreadyAMember(email);
        }
        String memberId =
                known.map(Member::memberId).orElseGet(() -> UUID.randomUUID().toString());
        Member invited = new Member(
                memberId,
                null,
                email,
                role,
                Status.INVITED,
                invitedBy,
                now,
                SecretTokens.sha256(token),
                expiresAt,
                null);
        known.ifPresent(members::remove);
        members.add(invited);
        record(new MemberInvited(id, name, memberId, email, role.name(), invitedBy, token, expiresAt, now), now);
        return invited;
    }

    /** The invited person accepted with their account: they act for the organisation from now on. */
    Member accept(String invitationToken, String accountId, Instant now) {
        Member invited = invitation(invitationToken);
        invited.checkUsable(now);
        if (memberWithAccount(accountId).isPresent()) {
            throw new AlreadyAMember(invited.email());
        }
        Member joined = invited.joined(accountId, now);
        members.set(members.indexOf(invited), joined);
        record(
                new MemberJoined(
                        id,
                        name,
                        joined.memberId(),
                        joined.email(),
                        joined.role().name(),
                        now),
                now);
        return joined;
    }

    Member changeRole(String memberId, OrganisationRole role, String changedBy, Instant now) {
        Member member = member(memberId);
        if (member.role() == role) {
            return member;
        }
        Member changed = member.withRole(role);
        if (member.activeAdmin() && activeAdminsOtherThan(member) == 0) {
            throw new LastAdministrator();
        }
        members.set(members.indexOf(member), changed);
        if (member.active()) {
            record(
                    new MemberRoleChanged(
                            id, memberId, member.email(), member.role().name(), role.name(), changedBy, now),
                    now);
        }
        return changed;
    }

    /** Removes a member (or withdraws an invitation); the last administrator cannot go. */
    Member remove(String memberId, String removedBy, Instant now) {
        Member member = member(memberId);
        if (member.activeAdmin() && activeAdminsOtherThan(member) == 0) {
            throw new LastAdministrator();
        }
        members.remove(member);
        record(new MemberRemoved(id, memberId, member.email(), member.role().name(), removedBy, now), now);
        return member;
    }

    public boolean twoFactorRequired() {
        return Boolean.TRUE.equals(twoFactorRequired);
    }

    void requireTwoFactor(boolean required) {
        this.twoFactorRequired = required;
    }

    /** The sites, as origins ({@code https://asso.example.org}), that may frame its campaigns' widgets. */
    public List<String> embedOrigins() {
        return embedOrigins == null ? List.of() : embedOrigins;
    }

    void allowEmbeddingFrom(List<String> origins) {
        this.embedOrigins = List.copyOf(origins);
    }

    public Optional<Member> memberWithAccount(String accountId) {
        return members.stream()
                .filter(m -> m.active() && accountId.equals(m.accountId()))
                .findFirst();
    }

    /** The member an invitation link names, used or not; {@link InvitationNotFound} for a link not of here. */
    public Member invitation(String invitationToken) {
        String sha256 = SecretTokens.sha256(invitationToken);
        return members.stream()
                .filter(m -> sha256.equals(m.invitationTokenSha256()))
                .findFirst()
                .orElseThrow(InvitationNotFound::new);
    }

    private Optional<Member> memberWithEmail(String email) {
        return members.stream().filter(m -> m.email().equals(email)).findFirst();
    }

    private Member member(String memberId) {
        return members.stream()
                .filter(m -> m.memberId().equals(memberId))
                .findFirst()
                .orElseThrow(MemberNotFound::new);
    }

    private long activeAdminsOtherThan(Member member) {
        return members.stream()
                .filter(m -> m.activeAdmin() && !m.memberId().equals(member.memberId()))
                .count();
    }

    private void record(MemberEvent event, Instant at) {
        outbox.add(new PendingMemberEvent(UUID.randomUUID().toString(), event, at));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Members and pending invitations, in the order they were added. */
    public List<Member> members() {
        return List.copyOf(members);
    }

    List<PendingMemberEvent> outbox() {
        return List.copyOf(outbox);
    }
}
