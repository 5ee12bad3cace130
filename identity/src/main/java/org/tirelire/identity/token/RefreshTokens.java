package org.tirelire.identity.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tirelire.identity.AuthProperties;
import org.tirelire.identity.api.InvalidRefreshToken;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens with rotation and reuse detection: exchanging one marks it used (atomically, so two
 * exchanges of the same token cannot both succeed) and gives a new one in the same family; presenting a
 * used one again revokes the family, since either the organiser or a thief now holds a copy.
 */
@Component
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final ReactiveMongoTemplate mongo;
    private final AuthProperties properties;
    private final Clock clock;

    RefreshTokens(ReactiveMongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new token for the account, starting a family (a login) or continuing one (an exchange). */
    public Mono<String> issue(
            String accountId, String organisationId, String family, @Nullable Instant authenticatedAt) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        return mongo.insert(new RefreshToken(
                        SecretTokens.sha256(token),
                        accountId,
                        organisationId,
                        family,
                        authenticatedAt,
                        now,
                        now.plus(properties.refreshTokenTtl()),
                        null,
                        null))
                .thenReturn(token);
    }

    /** The first refresh token of a login, just after the password was typed. */
    public Mono<String> startFamily(String accountId, String organisationId) {
        return issue(accountId, organisationId, UUID.randomUUID().toString(), clock.instant());
    }

    /** The exchanged token's record (now used); {@link InvalidRefreshToken} for anything else. */
    public Mono<RefreshToken> use(String token) {
        Instant now = clock.instant();
        String id = SecretTokens.sha256(token);
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id")
                                .is(id)
                                .and("usedAt")
                                .isNull()
                                .and("revokedAt")
                                .isNull()
                                .and("expiresAt")
                                .gt(now)),
                        new Update().set("usedAt", now),
                        FindAndModifyOptions.options().returnNew(true),
                        RefreshToken.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(id, RefreshToken.class)
                        .filter(known -> known.usedAt() != null && known.revokedAt() == null)
                        .flatMap(reused -> {
                            log.warn(
                                    "Refresh token of account {} used twice: its family is revoked",
                                    reused.accountId());
                            return revoke(reused.family());
                        })
                        .then(Mono.error(InvalidRefreshToken::new))));
    }

    /** Logging out: the token's family can no longer be exchanged. Unknown tokens change nothing. */
    public Mono<Void> revokeFamilyOf(String token) {
        return mongo.findById(SecretTokens.sha256(token), RefreshToken.class)
                .flatMap(known -> revoke(known.family()))
                .then();
    }

    /**
     * A member removed from an organisation: every session of theirs acting for it ends at once (those
     * from before accounts could belong to several organisations too, which cost them a login at most).
     */
    public Mono<Void> revokeSessionsOf(String accountId, String organisationId) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("accountId")
                                .is(accountId)
                                .and("revokedAt")
                                .isNull()
                                .orOperator(
                                        Criteria.where("organisationId").is(organisationId),
                                        Criteria.where("organisationId").isNull())),
                        new Update().set("revokedAt", clock.instant()),
                        RefreshToken.class)
                .then();
    }

    private Mono<Void> revoke(String family) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("family")
                                .is(family)
                                .and("revokedAt")
                                .isNull()),
                        new Update().set("revokedAt", clock.instant()),
                        RefreshToken.class)
                .then();
    }
}
