package org.tirelire.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.money.Money;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what with an organisation's gifts, as the token's role says: each action tried by each
 * role. A refused action answers 403 naming the roles that may, and changes nothing.
 */
class MemberRolesTest extends DonationServiceTest {

    private final String organisation = "org-" + UUID.randomUUID();
    private final String campaignId = "camp-" + UUID.randomUUID();
    private String confirmedGift;

    @BeforeEach
    void aCampaignWithAConfirmedGift() {
        publishCampaign(
                campaignId,
                organisation,
                new CampaignPublished.RewardOffered("reward-" + campaignId, "Visite", Money.of(50_00, "EUR"), 10));
        confirmedGift = post(
                        "/api/campaigns/" + campaignId + "/offline-donations",
                        organisation,
                        Map.of("amount", Map.of("amount", 20_00, "currency", "EUR"), "method", "CASH"))
                .getBody()
                .get("id")
                .asString();
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @CsvSource({
        "ADMIN,     see the donations,         true",
        "TREASURER, see the donations,         true",
        "EDITOR,    see the donations,         false",
        "VOLUNTEER, see the donations,         false",
        "ADMIN,     refund a gift,             true",
        "TREASURER, refund a gift,             true",
        "EDITOR,    refund a gift,             false",
        "VOLUNTEER, refund a gift,             false",
        "ADMIN,     record an offline gift,    true",
        "TREASURER, record an offline gift,    true",
        "EDITOR,    record an offline gift,    false",
        "VOLUNTEER, record an offline gift,    true",
        "ADMIN,     erase a donor,             true",
        "TREASURER, erase a donor,             true",
        "EDITOR,    erase a donor,             false",
        "VOLUNTEER, erase a donor,             false",
        "ADMIN,     change the payment account, true",
        "TREASURER, change the payment account, false",
        "EDITOR,    change the payment account, false",
        "VOLUNTEER, change the payment account, false",
        "EDITOR,    see the payment account,   true",
        "VOLUNTEER, see the payment account,   true",
    })
    void each_role_does_what_it_may_and_nothing_else(String role, String action, boolean allowed) {
        ResponseEntity<JsonNode> answer = actions(role).get(action).apply(null);

        if (allowed) {
            assertThat(answer.getStatusCode().value()).as(action).isNotEqualTo(403);
            return;
        }
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().get("title").asString()).isEqualTo("Not allowed for your role");
        assertThat(answer.getBody().get("detail").asString()).contains("yours is " + role);
        assertThat(answer.getBody().get("requiredRoles").toString()).contains("ADMIN");
        // Nothing changed: the gift is still confirmed, and still the only one.
        JsonNode gifts = as("ADMIN", HttpMethod.GET, "/api/campaigns/" + campaignId + "/donations", null)
                .getBody()
                .get("content");
        assertThat(gifts).hasSize(1);
        assertThat(gifts.get(0).get("status").asString()).isEqualTo("CONFIRMED");
    }

    private Map<String, Function<Void, ResponseEntity<JsonNode>>> actions(String role) {
        return Map.of(
                "see the donations",
                ignored -> as(role, HttpMethod.GET, "/api/campaigns/" + campaignId + "/donations", null),
                "refund a gift",
                ignored -> as(role, HttpMethod.POST, "/api/donations/" + confirmedGift + "/refund", Map.of()),
                "record an offline gift",
                ignored -> as(
                        role,
                        HttpMethod.POST,
                        "/api/campaigns/" + campaignId + "/offline-donations",
                        Map.of("amount", Map.of("amount", 5_00, "currency", "EUR"), "method", "CHEQUE")),
                "erase a donor",
                ignored -> as(role, HttpMethod.POST, "/api/donations/erasures", Map.of("email", "x@example.org")),
                "change the payment account",
                ignored -> as(
                        role,
                        HttpMethod.PUT,
                        "/api/organisations/me/payments",
                        Map.of("provider", "SANDBOX", "currentPassword", "")),
                "see the payment account",
                ignored -> as(role, HttpMethod.GET, "/api/organisations/me/payments", null));
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
