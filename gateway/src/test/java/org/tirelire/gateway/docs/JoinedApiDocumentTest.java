package org.tirelire.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JoinedApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode part(String json) {
        return JSON.readTree(json);
    }

    @Test
    void two_parts_naming_different_shapes_alike_keep_both_and_each_operation_its_own() {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        parts.put("campaign-service", part("""
                {"paths": {"/api/campaigns/{id}": {"get": {"tags": ["campaign-controller"],
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                 "components": {"schemas": {"View": {"type": "object", "properties": {"title": {"type": "string"}}}}}}
                """));
        parts.put("donation-service", part("""
                {"paths": {"/api/donations/{id}": {"get": {"tags": ["donation-controller"],
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                 "components": {"schemas": {"View": {"type": "object", "properties": {"amount": {"type": "integer"}}}}}}
                """));

        ObjectNode joined =
                JoinedApiDocument.join(parts, Set.of("campaign-service", "donation-service"), path -> false, "1");

        JsonNode schemas = joined.path("components").path("schemas");
        assertThat(schemas.path("View").path("properties").has("title")).isTrue();
        assertThat(schemas.path("View_donation_service").path("properties").has("amount"))
                .isTrue();
        assertThat(joined.at("/paths/~1api~1donations~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/View_donation_service");
        assertThat(joined.at("/paths/~1api~1campaigns~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/View");
        assertThat(joined.at("/paths/~1api~1donations~1{id}/get/tags/0").asString())
                .isEqualTo("Donation");
        assertThat(joined.at("/paths/~1api~1donations~1{id}/get/x-tirelire-service")
                        .asString())
                .isEqualTo("donation-service");
    }

    @Test
    void the_token_headers_become_security_requirements_and_each_refusal_a_problem() {
        ObjectNode joined = JoinedApiDocument.join(
                Map.of("gateway", part("""
                        {"paths": {"/api/organisations/me/members": {"post": {
                          "parameters": [{"in": "header", "name": "Authorization", "schema": {"type": "string"}}],
                          "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                          "responses": {"201": {"description": "Created"}}}}}}
                        """)), Set.of(), path -> path.equals("/api/organisations/me/members"), "1");

        JsonNode invite = joined.at("/paths/~1api~1organisations~1me~1members/post");
        assertThat(invite.has("parameters")).isFalse();
        assertThat(invite.path("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
        assertThat(invite.path("responses").propertyNames())
                .containsExactlyInAnyOrder("201", "400", "401", "403", "429");
        assertThat(invite.at("/responses/429/headers/Retry-After").isMissingNode())
                .isFalse();
        assertThat(invite.at("/responses/400/content/application~1problem+json/example/errors/0/field")
                        .asString())
                .isNotBlank();
        assertThat(joined.at("/components/securitySchemes/bearerAuth/scheme").asString())
                .isEqualTo("bearer");
    }
}
