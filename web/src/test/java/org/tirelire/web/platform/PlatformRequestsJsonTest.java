package org.tirelire.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.platform.PlatformRequests.NewCampaign;
import org.tirelire.web.platform.PlatformRequests.RewardChange;
import tools.jackson.databind.JsonNode;

/** The bodies the pages send are the public contract's JSON: integer minor units, ISO instants, no nulls. */
class PlatformRequestsJsonTest {

    @Test
    void a_new_campaign_is_sent_as_the_contract_reads_it() {
        NewCampaign campaign = new NewCampaign(
                "Des ruches",
                "Trois ruches",
                "",
                "",
                Money.of(150_000, "EUR"),
                Instant.parse("2027-01-31T22:59:59Z"),
                "KEEP_IT_ALL",
                List.of(),
                List.of(new RewardChange(null, "Un pot de miel", null, Money.of(2_000, "EUR"), null)));

        JsonNode json = PlatformClients.JSON.valueToTree(campaign);

        assertThat(json.path("goal").path("amount").isIntegralNumber()).isTrue();
        assertThat(json.path("goal").path("amount").asLong()).isEqualTo(150_000L);
        assertThat(json.path("endsAt").asString()).isEqualTo("2027-01-31T22:59:59Z");
        JsonNode reward = json.path("rewards").get(0);
        assertThat(reward.has("id")).as("a new reward has no id yet").isFalse();
        assertThat(reward.has("limit")).as("no limit means unlimited").isFalse();
        assertThat(reward.has("description")).isFalse();
    }

    @Test
    void a_problem_document_becomes_a_refusal_naming_each_field() {
        PlatformCalls calls = new PlatformCalls(null, PlatformClients.JSON);
        byte[] problem = """
                {"title":"Invalid request","detail":"Some fields are invalid.",
                 "errors":[{"field":"donor.email","message":"must be an email"}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        PlatformRefusal refusal = calls.refusal(422, problem);

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.detail()).isEqualTo("Some fields are invalid.");
        assertThat(refusal.messageFor("donor.email")).contains("must be an email");
        assertThat(calls.refusal(404, new byte[0]).notFound()).isTrue();
    }
}
