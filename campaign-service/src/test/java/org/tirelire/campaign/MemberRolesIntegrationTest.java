package org.tirelire.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Who may do what with an organisation's campaigns, as the token's role says: each action by each role. */
class MemberRolesIntegrationTest extends CampaignServiceTest {

    @LocalServerPort
    int port;

    private RestClient http;
    private final String organisation = "org-" + UUID.randomUUID();
    private String draftId;

    @BeforeEach
    void aDraftCampaign() {
        http = TestHttp.client(port);
        draftId = as("ADMIN", HttpMethod.POST, "/api/campaigns", newCampaign())
                .getBody()
                .get("id")
                .asString();
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "ADMIN,     create a campaign,        true",
        "EDITOR,    create a campaign,        true",
        "TREASURER, create a campaign,        false",
        "VOLUNTEER, create a campaign,        false",
        "EDITOR,    publish a campaign,       true",
        "TREASURER, publish a campaign,       false",
        "VOLUNTEER, publish a campaign,       false",
        "VOLUNTEER, post news,                false",
        "EDITOR,    see the campaigns,        true",
        "TREASURER, see the campaigns,        true",
        "VOLUNTEER, see the campaigns,        true",
    })
    void each_role_does_what_it_may_and_nothing_else(String role, String action, boolean allowed) {
        ResponseEntity<JsonNode> answer = switch (action) {
            case "create a campaign" -> as(role, HttpMethod.POST, "/api/campaigns", newCampaign());
            case "publish a campaign" -> as(role, HttpMethod.POST, "/api/campaigns/" + draftId + "/publish", Map.of());
            case "post news" ->
                as(
                        role,
                        HttpMethod.POST,
                        "/api/campaigns/" + draftId + "/news",
                        Map.of("title", "Merci", "body", "Déjà la moitié !"));
            case "see the campaigns" -> as(role, HttpMethod.GET, "/api/campaigns?mine=true", null);
            default -> throw new IllegalArgumentException(action);
        };

        if (allowed) {
            assertThat(answer.getStatusCode().is2xxSuccessful())
                    .as(action + ": " + answer.getBody())
                    .isTrue();
            return;
        }
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().get("detail").asString()).contains("yours is " + role);
        assertThat(as("ADMIN", HttpMethod.GET, "/api/campaigns/" + draftId, null)
                        .getBody()
                        .get("status")
                        .asString())
                .as("nothing changed")
                .isEqualTo("DRAFT");
    }

    private static Map<String, Object> newCampaign() {
        return Map.of(
                "title",
                "Un jardin partagé",
                "summary",
                "Des bacs pour le quartier",
                "goal",
                Map.of("amount", 2_000_00, "currency", "EUR"),
                "endsAt",
                Instant.now().plus(Duration.ofDays(30)).toString());
    }

    private ResponseEntity<JsonNode> as(String role, HttpMethod method, String path, Object body) {
        var request = http.method(method)
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forMember(organisation, role))
                .accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
