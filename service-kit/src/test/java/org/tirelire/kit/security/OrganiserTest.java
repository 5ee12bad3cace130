package org.tirelire.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.access.OrganisationRole;

class OrganiserTest {

    @Test
    void the_role_comes_from_the_token_and_allows_its_actions_only() {
        Organiser volunteer = Organiser.from(token("VOLUNTEER"));

        assertThat(volunteer.role()).isEqualTo(OrganisationRole.VOLUNTEER);
        assertThat(volunteer.permittedTo(Capability.RECORD_OFFLINE_GIFTS)).isSameAs(volunteer);
        assertThatThrownBy(() -> volunteer.permittedTo(Capability.REFUND_GIFTS))
                .isInstanceOf(ActionNotAllowed.class)
                .hasMessage("To refund a gift takes the role ADMIN or TREASURER; yours is VOLUNTEER");
    }

    @Test
    void a_token_from_before_roles_is_its_organisations_administrator_and_an_unknown_role_may_do_nothing() {
        assertThat(Organiser.from(token(null)).role()).isEqualTo(OrganisationRole.ADMIN);
        assertThatThrownBy(() -> Organiser.from(token("OWNER")))
                .isInstanceOf(ActionNotAllowed.class)
                .hasMessageContaining("OWNER is not one this service knows");
    }

    private static Jwt token(String role) {
        Map<String, Object> claims =
                new HashMap<>(Map.of("sub", "account-1", "org", "org-1", "email", "a@example.org"));
        if (role != null) {
            claims.put("role", role);
        }
        return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
