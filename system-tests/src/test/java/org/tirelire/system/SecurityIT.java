package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tirelire.local.LocalPlatform;

/**
 * The OWASP API Security Top 10 items that apply to Tirelire, attacked through the gateway of the real
 * platform (and around it, straight at a service). Every attack and what it got back is written to
 * {@code target/security-report.md}. It runs after the web journeys on the platform they share: its
 * burst of collection pages empties this address's allowance for a while.
 */
@ExtendWith(SharedPlatform.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String PASSWORD = "une phrase de passe";

    private static LocalPlatform platform;
    private static Gateway gateway;
    private static final List<String> report = new ArrayList<>();

    private static Organisation alice;
    private static Organisation mallory;
    private static String aliceDraft;
    private static String aliceLive;
    private static String aliceDonation;
    private static String alicePage;
    private static String aliceWebhook;

    private record Organisation(String email) {

        String token() {
            Gateway.Answer login = gateway.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
            assertThat(login.status()).isEqualTo(200);
            return login.text("accessToken");
        }
    }

    @BeforeAll
    static void twoOrganisations() throws Exception {
        platform = SharedPlatform.platform();
        gateway = new Gateway(platform.endpoints().gatewayUrl());

        alice = signUp("Les Amis du Canal");
        mallory = signUp("Association Malveillante");

        aliceDraft = createCampaign(alice.token(), "Brouillon d'Alice");
        aliceLive = createCampaign(alice.token(), "Campagne d'Alice");
        assertThat(gateway.post("/api/campaigns/" + aliceLive + "/publish", alice.token(), Map.of())
                        .status())
                .isEqualTo(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> gift = Map.of(
                "campaignId",
                aliceLive,
                "amount",
                Map.of("amount", 20_00, "currency", "EUR"),
                "donor",
                Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"),
                "paymentMethod",
                "pm_sandbox_ok");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.post("/api/donations", null, gift, Map.of("Idempotency-Key", key))
                                .status()
                        == 201);
        aliceDonation = gateway.post("/api/donations", null, gift, Map.of("Idempotency-Key", key))
                .text("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CONFIRMED"
                        .equals(gateway.get("/api/donations/" + aliceDonation).text("status")));
        alicePage = gateway.post(
                        "/api/campaigns/" + aliceLive + "/fundraisers",
                        Map.of("supporter", Map.of("name", "Léa", "email", "lea@example.org"), "title", "Léa court"))
                .text("slug");
        aliceWebhook = gateway.post(
                        "/api/webhooks",
                        alice.token(),
                        Map.of(
                                "url",
                                "http://127.0.0.1:9/hook",
                                "eventTypes",
                                List.of("org.tirelire.donation.confirmed.v1")))
                .text("id");
    }

    @AfterAll
    static void writeTheReport() throws IOException {
        StringBuilder markdown = new StringBuilder("# Security suite: each attack and what it got back\n\n")
                .append("| OWASP API | attack | answer |\n|---|---|---|\n");
        report.forEach(line -> markdown.append(line).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "security-report.md"), markdown);
        System.out.print(markdown);
    }

    @Test
    @Order(1)
    void api1_another_organisation_reaches_none_of_alices_campaigns_gifts_pages_or_webhooks() {
        String token = mallory.token();
        expect("API1", "read Alice's draft", gateway.get("/api/campaigns/" + aliceDraft, token), 404);
        expect(
                "API1",
                "change Alice's campaign",
                patch("/api/campaigns/" + aliceLive, token, "{\"title\":\"Pwned\"}"),
                403,
                404);
        expect(
                "API1",
                "publish Alice's draft",
                gateway.post("/api/campaigns/" + aliceDraft + "/publish", token, Map.of()),
                403,
                404);
        expect(
                "API1",
                "close Alice's campaign",
                gateway.post("/api/campaigns/" + aliceLive + "/close", token, Map.of()),
                403,
                404);
        expect(
                "API1",
                "list Alice's donations",
                gateway.get("/api/campaigns/" + aliceLive + "/donations", token),
                403,
                404);
        expect(
                "API1",
                "export Alice's donations as CSV",
                gateway.send(
                        "GET", "/api/campaigns/" + aliceLive + "/donations", token, null, Map.of("Accept", "text/csv")),
                403,
                404);
        expect(
                "API1",
                "record an offline gift on Alice's campaign",
                gateway.post(
                        "/api/campaigns/" + aliceLive + "/offline-donations",
                        token,
                        Map.of("amount", Map.of("amount", 100, "currency", "EUR"), "method", "CASH")),
                403,
                404);
        expect(
                "API1",
                "refund Alice's donation",
                gateway.post("/api/donations/" + aliceDonation + "/refund", token, Map.of()),
                403,
                404);
        expect(
                "API1",
                "post news on Alice's campaign",
                gateway.post("/api/campaigns/" + aliceLive + "/news", token, Map.of("title", "Faux", "body", "Faux")),
                403,
                404);
        expect(
                "API1",
                "hide a collection page of Alice's campaign",
                gateway.post("/api/fundraisers/" + alicePage + "/hide", token, Map.of()),
                403,
                404);
        expect(
                "API1",
                "read Alice's webhook deliveries",
                gateway.get("/api/webhooks/" + aliceWebhook + "/deliveries", token),
                404);
        expect(
                "API1",
                "delete Alice's webhook",
                gateway.send("DELETE", "/api/webhooks/" + aliceWebhook, token, null, Map.of()),
                404);
        Gateway.Answer erasure = gateway.post("/api/donations/erasures", token, Map.of("email", "ada@example.org"));
        record("API1", "erase Alice's donor through another organisation", erasure);
        assertThat(erasure.body().path("erasedDonations").asInt()).isZero();

        // Nothing of Alice's changed.
        assertThat(gateway.get("/api/campaigns/" + aliceLive).text("title")).isEqualTo("Campagne d'Alice");
        assertThat(gateway.get("/api/campaigns/" + aliceLive).text("status")).isEqualTo("LIVE");
        assertThat(gateway.get("/api/donations/" + aliceDonation).text("status"))
                .isEqualTo("CONFIRMED");
        assertThat(gateway.get("/api/fundraisers/" + alicePage).status()).isEqualTo(200);
        assertThat(gateway.get("/api/webhooks", alice.token()).body()).hasSize(1);
        assertThat(gateway.get("/api/campaigns/" + aliceLive + "/donations", alice.token())
                        .body()
                        .get("content")
                        .get(0)
                        .get("donor")
                        .get("email")
                        .asString())
                .isEqualTo("ada@example.org");
    }

    @Test
    @Order(2)
    void api2_tokens_that_are_missing_forged_unsigned_or_from_another_key_are_refused() throws Exception {
        String create =
                "{\"title\":\"T\",\"summary\":\"S\",\"goal\":{\"amount\":1000,\"currency\":\"EUR\"},\"endsAt\":\""
                        + Instant.now().plus(Duration.ofDays(9)) + "\"}";
        expect(
                "API2",
                "create a campaign without a token",
                gateway.send("POST", "/api/campaigns", null, create, Map.of()),
                401);
        expect(
                "API2",
                "a token that is not a JWT",
                gateway.send("POST", "/api/campaigns", "abc.def.ghi", create, Map.of()),
                401);

        String[] parts = alice.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherOrg = claims.replaceAll("\"org\":\"[^\"]+\"", "\"org\":\"someone-else\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(otherOrg.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        expect(
                "API2",
                "a token whose organisation was changed after signing",
                gateway.send("GET", "/api/campaigns?mine=true", tampered, null, Map.of()),
                401);

        String none = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        expect(
                "API2",
                "an unsigned token (alg none)",
                gateway.send("GET", "/api/campaigns?mine=true", none, null, Map.of()),
                401);

        String kid = SignedJWT.parse(alice.token()).getHeader().getKeyID();
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder()
                        .issuer("tirelire")
                        .subject("attacker")
                        .claim("org", "someone-else")
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .build());
        forged.sign(new RSASSASigner(attackerKey));
        expect(
                "API2",
                "a token signed with the attacker's own key, under the platform's key id",
                gateway.send("GET", "/api/campaigns?mine=true", forged.serialize(), null, Map.of()),
                401);

        Gateway direct = new Gateway(platform.endpoints().campaignServiceUrl());
        expect(
                "API2",
                "a request straight to campaign-service, around the gateway, without a token",
                direct.send("POST", "/api/campaigns", null, create, Map.of()),
                401);
        expect(
                "API2",
                "straight to campaign-service with a forged token",
                direct.send("GET", "/api/campaigns?mine=true", forged.serialize(), null, Map.of()),
                401);
    }

    @Test
    @Order(3)
    void api2_guessing_a_password_locks_the_account_for_a_while() {
        Organisation victim = signUp("Victime");
        for (int attempt = 1; attempt <= 5; attempt++) {
            gateway.post("/api/auth/login", Map.of("email", victim.email(), "password", "guess-" + attempt));
        }
        Gateway.Answer withTheRightPassword =
                gateway.post("/api/auth/login", Map.of("email", victim.email(), "password", PASSWORD));
        expect("API2", "a 6th login after 5 wrong passwords, with the right one", withTheRightPassword, 429);
        assertThat(withTheRightPassword.raw().headers().firstValue("Retry-After"))
                .isPresent();
    }

    @Test
    @Order(4)
    void api3_api6_fields_a_client_may_not_set_are_refused_and_nothing_is_created() {
        String token = alice.token();
        int before = gateway.get("/api/campaigns?mine=true", token).body().size();
        String withStatus =
                "{\"title\":\"T\",\"summary\":\"S\",\"goal\":{\"amount\":1000,\"currency\":\"EUR\"},\"endsAt\":\""
                        + Instant.now().plus(Duration.ofDays(9))
                        + "\",\"status\":\"LIVE\",\"organisationId\":\"someone-else\",\"id\":\"chosen\"}";
        expect(
                "API3",
                "create a campaign already LIVE, for another organisation, with a chosen id",
                gateway.send("POST", "/api/campaigns", token, withStatus, Map.of()),
                400);
        expect(
                "API3",
                "set a campaign's status or raised total by PATCH",
                patch(
                        "/api/campaigns/" + aliceLive,
                        token,
                        "{\"status\":\"ENDED\",\"progress\":{\"raised\":{\"amount\":999999,\"currency\":\"EUR\"}}}"),
                400);
        String confirmed = "{\"campaignId\":\"" + aliceLive + "\",\"amount\":{\"amount\":500,\"currency\":\"EUR\"},"
                + "\"donor\":{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\"},\"paymentMethod\":\"pm_sandbox_ok\",\"status\":\"CONFIRMED\"}";
        expect(
                "API3",
                "give a donation already CONFIRMED",
                gateway.send(
                        "POST",
                        "/api/donations",
                        null,
                        confirmed,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                400);
        expect(
                "API3",
                "sign up into an existing organisation",
                gateway.send(
                        "POST",
                        "/api/auth/signup",
                        null,
                        "{\"email\":\"x-" + UUID.randomUUID()
                                + "@example.org\",\"password\":\"une phrase\",\"organisationName\":\"X\",\"organisationId\":\"someone-else\"}",
                        Map.of()),
                400);
        assertThat(gateway.get("/api/campaigns?mine=true", token).body()).hasSize(before);
        assertThat(gateway.get("/api/campaigns/" + aliceLive).text("status")).isEqualTo("LIVE");
    }

    @Test
    @Order(5)
    void api4_oversized_and_malformed_bodies_are_refused_before_any_work() {
        String huge = "{\"title\":\"T\",\"summary\":\"S\",\"story\":\"" + "x".repeat(200_000) + "\"}";
        expect("API4", "a 200 KB body", gateway.send("POST", "/api/campaigns", alice.token(), huge, Map.of()), 413);
        expect(
                "API4",
                "malformed JSON",
                gateway.send(
                        "POST",
                        "/api/donations",
                        null,
                        "{\"campaignId\": ",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                400);
        expect(
                "API4",
                "a form where JSON is expected",
                gateway.send(
                        "POST",
                        "/api/auth/login",
                        null,
                        "email=a&password=b",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                415,
                400);
        expect(
                "API4",
                "an amount as a float",
                gateway.send(
                        "POST",
                        "/api/donations",
                        null,
                        "{\"campaignId\":\"" + aliceLive
                                + "\",\"amount\":{\"amount\":10.5,\"currency\":\"EUR\"},\"donor\":{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\"},\"paymentMethod\":\"pm_sandbox_ok\"}",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                400);
    }

    @Test
    @Order(6)
    void api8_mongo_operators_in_any_field_that_reaches_a_query_find_nothing_and_change_nothing() {
        String operator = URLEncoder.encode("{\"$gt\":\"\"}", StandardCharsets.UTF_8);
        expect(
                "API8",
                "log in with {\"$gt\":\"\"} as email and password",
                gateway.send(
                        "POST",
                        "/api/auth/login",
                        null,
                        "{\"email\":{\"$gt\":\"\"},\"password\":{\"$gt\":\"\"}}",
                        Map.of()),
                400);
        expect("API8", "a campaign id {\"$gt\":\"\"} in the path", gateway.get("/api/campaigns/" + operator), 404);
        expect("API8", "a donation id {\"$gt\":\"\"} in the path", gateway.get("/api/donations/" + operator), 404);
        expect(
                "API8",
                "a collection page slug {\"$gt\":\"\"} in the path",
                gateway.get("/api/fundraisers/" + operator),
                404);
        Gateway.Answer statusOperator = gateway.get("/api/campaigns?status[$ne]=LIVE");
        record("API8", "status[$ne]=LIVE as a query parameter", statusOperator);
        assertThat(statusOperator.raw().body()).doesNotContain("Brouillon");
        expect(
                "API8",
                "a donation whose campaignId is {\"$ne\":null}",
                gateway.send(
                        "POST",
                        "/api/donations",
                        null,
                        "{\"campaignId\":{\"$ne\":null},\"amount\":{\"amount\":500,\"currency\":\"EUR\"},\"donor\":{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\"},\"paymentMethod\":\"pm_sandbox_ok\"}",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                400);
        expect(
                "API8",
                "a donation naming the collection page {\"$gt\":\"\"}",
                gateway.send(
                        "POST",
                        "/api/donations",
                        null,
                        "{\"campaignId\":\"" + aliceLive
                                + "\",\"amount\":{\"amount\":500,\"currency\":\"EUR\"},\"donor\":{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@example.org\"},\"paymentMethod\":\"pm_sandbox_ok\",\"fundraiser\":{\"$gt\":\"\"}}",
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                400);
        expect(
                "API8",
                "filter donations by fundraiser[$ne]=x",
                gateway.get("/api/campaigns/" + aliceLive + "/donations?fundraiser[$ne]=x", alice.token()),
                200,
                400);
        expect(
                "API8",
                "erase donors by {\"$gt\":\"\"} as email",
                gateway.send("POST", "/api/donations/erasures", alice.token(), "{\"email\":{\"$gt\":\"\"}}", Map.of()),
                400);
        expect(
                "API8",
                "a supporter named {\"$gt\":\"\"}",
                gateway.send(
                        "POST",
                        "/api/campaigns/" + aliceLive + "/fundraisers",
                        null,
                        "{\"supporter\":{\"name\":{\"$gt\":\"\"},\"email\":\"a@example.org\"},\"title\":\"t\"}",
                        Map.of()),
                400);
        // Nothing was erased, nobody was logged in, no gift was recorded.
        assertThat(gateway.get("/api/campaigns/" + aliceLive + "/donations", alice.token())
                        .body()
                        .get("totalElements")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void api8_security_headers_and_closed_actuator() {
        Gateway.Answer page = gateway.get("/");
        record("API8", "security headers on a page", page);
        assertThat(page.raw().headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'");
        assertThat(page.raw().headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.raw().headers().firstValue("Referrer-Policy")).isPresent();
        expect("API8", "the actuator's environment", gateway.get("/actuator/env"), 401, 403, 404);
        expect("API8", "the actuator's heap dump", gateway.get("/actuator/heapdump"), 401, 403, 404);
        Gateway.Answer preflight = gateway.send(
                "OPTIONS",
                "/api/campaigns",
                null,
                null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        record("API8", "a CORS preflight from an unlisted origin", preflight);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        expect(
                "API8",
                "a page form posted without its CSRF token",
                gateway.send(
                        "POST",
                        "/organiser/logout",
                        null,
                        "",
                        Map.of("Content-Type", "application/x-www-form-urlencoded")),
                403);
    }

    @Test
    @Order(8)
    void api4_a_burst_of_writes_from_one_address_is_slowed_with_retry_after() {
        Gateway.Answer last = null;
        int accepted = 0;
        for (int attempt = 0; attempt < 130 && (last == null || last.status() != 429); attempt++) {
            last = gateway.send("POST", "/api/campaigns/" + aliceLive + "/fundraisers", null, "{}", Map.of());
            if (last.status() != 429) {
                accepted++;
            }
        }
        record("API4", "130 collection pages opened at once from one address (after " + accepted + " answered)", last);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(9)
    void api2_an_expired_token_is_refused() throws Exception {
        String expired = expiredTokenOf(alice);

        expect(
                "API2",
                "a token the platform signed, expired two minutes ago",
                gateway.send("GET", "/api/campaigns?mine=true", expired, null, Map.of()),
                401);
        expect(
                "API2",
                "an expired token straight at donation-service",
                new Gateway(platform.endpoints().donationServiceUrl())
                        .get("/api/campaigns/" + aliceLive + "/donations", expired),
                401);
    }

    // helpers

    /**
     * A token exactly as the platform issues them, signed with its current key, but issued an hour ago
     * and expired two minutes ago (beyond the services' one minute of clock tolerance). Only the
     * platform holds that key: it is read from the identity database, as a thief with a copy of it could.
     */
    private static String expiredTokenOf(Organisation organisation) throws Exception {
        try (MongoClient mongo = MongoClients.create(platform.endpoints().mongoUri())) {
            Document stored = mongo.getDatabase("tirelire-gateway")
                    .getCollection("signing_keys")
                    .find()
                    .sort(Sorts.descending("createdAt"))
                    .first();
            RSAKey signingKey = RSAKey.parse(stored.getString("privateJwk"));
            JWTClaimsSet current = SignedJWT.parse(organisation.token()).getJWTClaimsSet();
            Instant now = Instant.now();
            SignedJWT expired = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder(current)
                            .jwtID(UUID.randomUUID().toString())
                            .issueTime(Date.from(now.minus(Duration.ofHours(1))))
                            .expirationTime(Date.from(now.minus(Duration.ofMinutes(2))))
                            .build());
            expired.sign(new RSASSASigner(signingKey));
            return expired.serialize();
        }
    }

    private static void expect(String owasp, String attack, Gateway.Answer answer, int... allowed) {
        record(owasp, attack, answer);
        assertThat(answer.status())
                .as(attack)
                .isIn(java.util.Arrays.stream(allowed).boxed().toList());
    }

    private static void record(String owasp, String attack, Gateway.Answer answer) {
        String title = answer.body().path("title").asString("");
        report.add("| " + owasp + " | " + attack.replace("|", "\\|") + " | " + answer.status()
                + (title.isBlank() ? "" : " " + title) + " |");
    }

    private static Gateway.Answer patch(String path, String token, String body) {
        return gateway.send("PATCH", path, token, body, Map.of());
    }

    private static Organisation signUp(String name) {
        String email = "secu-" + UUID.randomUUID() + "@example.org";
        assertThat(gateway.post(
                                "/api/auth/signup",
                                Map.of("email", email, "password", PASSWORD, "organisationName", name))
                        .status())
                .isEqualTo(201);
        return new Organisation(email);
    }

    private static String createCampaign(String token, String title) {
        Gateway.Answer created = gateway.post(
                "/api/campaigns",
                token,
                Map.of(
                        "title",
                        title,
                        "summary",
                        "Une campagne",
                        "goal",
                        Map.of("amount", 1_000_00, "currency", "EUR"),
                        "endsAt",
                        Instant.now().plus(Duration.ofDays(30)).toString()));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }
}
