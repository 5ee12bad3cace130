package org.tirelire.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Webhooks are the organisation's settings, collection pages its editors' to moderate: each role tried. */
class MemberRolesIntegrationTest extends NotificationServiceTest {

    @LocalServerPort
    int port;

    private final String organisation = "org-" + UUID.randomUUID();

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "ADMIN,     see the webhooks,          true",
        "TREASURER, see the webhooks,          false",
        "EDITOR,    see the webhooks,          false",
        "VOLUNTEER, see the webhooks,          false",
        "ADMIN,     hide a collection page,    true",
        "EDITOR,    hide a collection page,    true",
        "TREASURER, hide a collection page,    false",
        "VOLUNTEER, hide a collection page,    false",
    })
    void each_role_does_what_it_may_and_nothing_else(String role, String action, boolean allowed) {
        ResponseEntity<JsonNode> answer = switch (action) {
            case "see the webhooks" -> as(role, HttpMethod.GET, "/api/webhooks");
            // A page nobody made: allowed roles are told it does not exist, the others may not ask.
            case "hide a collection page" -> as(role, HttpMethod.POST, "/api/fundraisers/no-such-page/hide");
            default -> throw new IllegalArgumentException(action);
        };

        if (allowed) {
            assertThat(answer.getStatusCode().value()).as(action).isNotEqualTo(403);
        } else {
            assertThat(answer.getStatusCode().value()).isEqualTo(403);
            assertThat(answer.getBody().get("detail").asString()).contains("yours is " + role);
        }
    }

    private ResponseEntity<JsonNode> as(String role, HttpMethod method, String path) {
        return TestHttp.client(port)
                .method(method)
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forMember(organisation, role))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
