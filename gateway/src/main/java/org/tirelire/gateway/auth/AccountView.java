package org.tirelire.gateway.auth;

/** {@code POST /api/auth/signup}: the new account, never its password. */
public record AccountView(String id, String email, String organisationId, String organisationName) {

    static AccountView of(OrganiserAccount account) {
        return new AccountView(account.id(), account.email(), account.organisationId(), account.organisationName());
    }
}
