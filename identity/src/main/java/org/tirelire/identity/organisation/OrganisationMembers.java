package org.tirelire.identity.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.InvitationNotFound;
import org.tirelire.identity.api.MemberNotFound;
import org.tirelire.identity.token.SecretTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Organisations and their members: founding one, inviting, joining, changing roles, leaving. Each change
 * loads the organisation, changes it and saves it under its version, again from a fresh copy when
 * another change came first; the relay then publishes what it recorded.
 */
@Service
public class OrganisationMembers {

    private final ReactiveMongoTemplate mongo;
    private final MemberEventRelay relay;
    private final AuthProperties properties;
    private final Clock clock;

    OrganisationMembers(ReactiveMongoTemplate mongo, MemberEventRelay relay, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The organisation its founder signed up with, created once: founding it again (a retry, a repair
     * after a crash between the account and the organisation) returns the one that exists.
     */
    public Mono<Organisation> found(String organisationId, String name, String founderAccountId, String founderEmail) {
        return mongo.insert(Organisation.founded(organisationId, name, founderAccountId, founderEmail, clock.instant()))
                .doOnNext(relay::wake)
                .onErrorResume(DuplicateKeyException.class, alreadyFounded -> byId(organisationId));
    }

    public Mono<Organisation> byId(String organisationId) {
        return mongo.findById(organisationId, Organisation.class);
    }

    /** The organisations the account acts for, the one it joined first first. */
    public Flux<Organisation> of(String accountId) {
        return mongo.find(Query.query(Criteria.where("members.accountId").is(accountId)), Organisation.class)
                .filter(organisation ->
                        organisation.memberWithAccount(accountId).isPresent())
                .sort(Comparator.comparing(organisation -> organisation
                        .memberWithAccount(accountId)
                        .map(Member::joinedAt)
                        .orElse(Instant.MAX)));
    }

    /** The organisation an invitation link belongs to; {@link InvitationNotFound} for a link no one issued. */
    public Mono<Organisation> byInvitation(String token) {
        String sha256 = SecretTokens.sha256(token);
        return mongo.findOne(
                        Query.query(
                                Criteria.where("members.invitationTokenSha256").is(sha256)),
                        Organisation.class)
                .switchIfEmpty(Mono.error(InvitationNotFound::new));
    }

    /** Invites the person by email; their link (in the event the email is made from) works once, for a while. */
    public Mono<Member> invite(String organisationId, String email, OrganisationRole role, String invitedBy) {
        String token = SecretTokens.newToken();
        return change(organisationId, organisation -> {
            Instant now = clock.instant();
            return organisation.invite(email, role, invitedBy, token, now.plus(properties.invitationTtl()), now);
        });
    }

    /** The person behind the link joins the organisation it belongs to ({@link #byInvitation}) with their account. */
    public Mono<Member> accept(String organisationId, String token, String accountId) {
        return change(organisationId, organisation -> organisation.accept(token, accountId, clock.instant()));
    }

    public Mono<Member> changeRole(String organisationId, String memberId, OrganisationRole role, String changedBy) {
        return change(
                organisationId, organisation -> organisation.changeRole(memberId, role, changedBy, clock.instant()));
    }

    public Mono<Member> remove(String organisationId, String memberId, String removedBy) {
        return change(organisationId, organisation -> organisation.remove(memberId, removedBy, clock.instant()));
    }

    /** Whether every member must sign in with a second factor from now on. */
    public Mono<Organisation> requireTwoFactor(String organisationId, boolean required) {
        return change(organisationId, organisation -> {
            organisation.requireTwoFactor(required);
            return organisation;
        });
    }

    public Mono<Organisation> allowEmbeddingFrom(String organisationId, List<String> origins) {
        return change(organisationId, organisation -> {
            organisation.allowEmbeddingFrom(origins);
            return organisation;
        });
    }

    private <T> Mono<T> change(String organisationId, Function<Organisation, T> change) {
        return Mono.defer(() -> byId(organisationId)
                        .switchIfEmpty(Mono.error(MemberNotFound::new))
                        .flatMap(organisation -> {
                            T result = change.apply(organisation);
                            return mongo.save(organisation)
                                    .doOnNext(relay::wake)
                                    .thenReturn(result);
                        }))
                .retryWhen(Retry.max(10).filter(OptimisticLockingFailureException.class::isInstance));
    }
}
