package org.tirelire.identity.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.identity.api.AccountView;

/**
 * A person who can sign in. The password is kept only as a hash. Which organisations they act for, and
 * in which role, their organisations' documents say.
 *
 * @param organisationId the organisation they founded at sign-up; null for a person who only joined
 *     organisations by invitation
 */
@Document("organiser_accounts")
public record OrganiserAccount(
        @Id String id,
        @Indexed(unique = true) String email,
        String passwordHash,
        @Nullable String organisationId,
        @Nullable String organisationName,
        Instant createdAt) {

    AccountView view() {
        return new AccountView(id, email, organisationId, organisationName);
    }
}
