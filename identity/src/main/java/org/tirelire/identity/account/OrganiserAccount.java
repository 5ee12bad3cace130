package org.tirelire.identity.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.identity.api.AccountView;

/** An organiser who can sign in, and the organisation they act for. The password is kept only as a hash. */
@Document("organiser_accounts")
public record OrganiserAccount(
        @Id String id,
        @Indexed(unique = true) String email,
        String passwordHash,
        String organisationId,
        String organisationName,
        Instant createdAt) {

    AccountView view() {
        return new AccountView(id, email, organisationId, organisationName);
    }
}
