package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * An organisation run by a team, through the gateway as any client would: members invited by email on
 * the real platform (identity publishes, notification-service emails the link), each role tried against
 * an action of each service, and the administrators told of the team's changes.
 */
@ExtendWith(SharedPlatform.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamJourneyIT {

    private enum Role {
        ADMIN,
        TREASURER,
        EDITOR,
        VOLUNTEER
    }

    private static final String PASSWORD = "une phrase de passe";
    private static final Pattern INVITATION_LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]+)");

    private static Gateway gateway;
    private static Gateway mail;
    private static String founder;
    private static final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private static String campaignId;

    @BeforeAll
    static void reachThePlatform() {
        gateway = new Gateway(SharedPlatform.platform().endpoints().gatewayUrl());
        mail = new Gateway(SharedPlatform.platform().endpoints().mailWebUrl());
    }

    @Test
    @Order(1)
    void a_founder_invites_a_member_of_each_role_who_join_through_the_emailed_link() {
        founder = uniqueEmail("presidente");
        assertThat(gateway.post(
                                "/api/auth/signup",
                                Map.of("email", founder, "password", PASSWORD, "organisationName", "Les Amis du Canal"))
                        .status())
                .isEqualTo(201);
        tokens.put(Role.ADMIN, login(founder));

        for (Role role : List.of(Role.TREASURER, Role.EDITOR, Role.VOLUNTEER)) {
            String email = uniqueEmail(role.name().toLowerCase());
            Gateway.Answer invited = gateway.post(
                    "/api/organisations/me/members",
                    tokens.get(Role.ADMIN),
                    Map.of("email", email, "role", role.name()));
            assertThat(invited.status()).isEqualTo(201);

            JsonNode invitation = await().atMost(Duration.ofSeconds(30))
                    .until(() -> emailTo(email, "Invitation à rejoindre Les Amis du Canal"), found -> found != null);
            Matcher link = INVITATION_LINK.matcher(invitation.get("text").asString());
            assertThat(link.find()).as("the email carries the link").isTrue();
            Gateway.Answer accepted =
                    gateway.post("/api/invitations/" + link.group(1) + "/accept", Map.of("password", PASSWORD));
            assertThat(accepted.status()).isEqualTo(200);

            String token = login(email);
            assertThat(claim(token, "role")).isEqualTo(role.name());
            tokens.put(role, token);
        }
        // The administrator is told of each arrival.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> emailsTo(founder, "Les membres de votre association ont changé") == 3);
    }

    /** Each role against an action of each service: allowed or refused with the roles it takes. */
    @Test
    @Order(2)
    void each_service_lets_each_role_do_exactly_what_its_role_allows() {
        campaignId = gateway.post("/api/campaigns", tokens.get(Role.ADMIN), campaign())
                .text("id");
        assertThat(gateway.post("/api/campaigns/" + campaignId + "/publish", tokens.get(Role.ADMIN), Map.of())
                        .status())
                .isEqualTo(200);

        record Action(String name, Set<Role> allowed, Function<String, Gateway.Answer> call) {}
        List<Action> actions = List.of(
                new Action(
                        "create a campaign (campaign-service)",
                        Set.of(Role.ADMIN, Role.EDITOR),
                        token -> gateway.post("/api/campaigns", token, campaign())),
                new Action(
                        "see the organisation's campaigns (campaign-service)",
                        Set.of(Role.values()),
                        token -> gateway.get("/api/campaigns?mine=true", token)),
                new Action(
                        "see the donations (donation-service)",
                        Set.of(Role.ADMIN, Role.TREASURER),
                        token -> gateway.get("/api/campaigns/" + campaignId + "/donations", token)),
                new Action(
                        "record an offline gift (donation-service)",
                        Set.of(Role.ADMIN, Role.TREASURER, Role.VOLUNTEER),
                        token -> gateway.post(
                                "/api/campaigns/" + campaignId + "/offline-donations",
                                token,
                                Map.of("amount", Map.of("amount", 20_00, "currency", "EUR"), "method", "CASH"))),
                new Action(
                        "change the payment account (donation-service)",
                        Set.of(Role.ADMIN),
                        token -> gateway.send(
                                "PUT",
                                "/api/organisations/me/payments",
                                token,
                                "{\"provider\":\"SANDBOX\",\"currentPassword\":\"" + PASSWORD + "\"}",
                                Map.of())),
                new Action(
                        "list the webhooks (notification-service)",
                        Set.of(Role.ADMIN),
                        token -> gateway.get("/api/webhooks", token)),
                new Action(
                        "invite a member (identity)",
                        Set.of(Role.ADMIN),
                        token -> gateway.post(
                                "/api/organisations/me/members",
                                token,
                                Map.of("email", uniqueEmail("ami"), "role", "VOLUNTEER"))));

        for (Action action : actions) {
            for (Role role : Role.values()) {
                Gateway.Answer answer = action.call().apply(tokens.get(role));
                if (action.allowed().contains(role)) {
                    assertThat(answer.status())
                            .as("%s may %s", role, action.name())
                            .isBetween(200, 299);
                } else {
                    assertThat(answer.status())
                            .as("%s may not %s", role, action.name())
                            .isEqualTo(403);
                    assertThat(answer.body().get("requiredRoles").toString())
                            .as("the refusal names who may")
                            .contains("ADMIN");
                }
            }
        }
    }

    @Test
    @Order(3)
    void every_administrator_hears_that_the_payment_account_changed_and_a_removed_member_is_out_at_once() {
        // The change the administrator made in the table above.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> emailsTo(founder, "Compte de paiement de l’association") >= 1);

        JsonNode members = gateway.get("/api/organisations/me/members", tokens.get(Role.ADMIN))
                .body();
        String volunteerId = null;
        for (JsonNode member : members) {
            if (member.get("role").asString().equals("VOLUNTEER")
                    && member.get("status").asString().equals("ACTIVE")) {
                volunteerId = member.get("id").asString();
            }
        }
        assertThat(gateway.send(
                                "DELETE",
                                "/api/organisations/me/members/" + volunteerId,
                                tokens.get(Role.ADMIN),
                                null,
                                Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(gateway.post(
                                "/api/organisations/me/members",
                                tokens.get(Role.VOLUNTEER),
                                Map.of("email", uniqueEmail("x"), "role", "ADMIN"))
                        .status())
                .as("identity reads the team, not the removed member's token")
                .isEqualTo(403);
    }

    /** What the treasurer did in donation-service reaches the administrator's audit log, naming them. */
    @Test
    @Order(4)
    void the_administrator_reads_who_changed_the_payment_account_refunded_a_gift_and_exported_the_donations() {
        String treasurerToken = tokens.get(Role.TREASURER);
        String giftId = gateway.get("/api/campaigns/" + campaignId + "/donations", treasurerToken)
                .body()
                .get("content")
                .get(0)
                .get("id")
                .asString();
        assertThat(gateway.post("/api/donations/" + giftId + "/refund", treasurerToken, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(gateway.send(
                                "GET",
                                "/api/campaigns/" + campaignId + "/donations",
                                treasurerToken,
                                null,
                                Map.of("Accept", "text/csv"))
                        .status())
                .isEqualTo(200);

        Set<String> reported = Set.of("PAYMENT_ACCOUNT_CHANGED", "GIFT_REFUNDED", "DONATIONS_EXPORTED");
        JsonNode audit = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> gateway.get("/api/organisations/me/audit", tokens.get(Role.ADMIN))
                                .body(),
                        log -> log.findValuesAsString("action").containsAll(reported));
        Map<String, JsonNode> latest = new HashMap<>();
        for (JsonNode entry : audit) {
            if (reported.contains(entry.get("action").asString())) {
                latest.putIfAbsent(entry.get("action").asString(), entry); // newest first
            }
        }
        String treasurer = claim(treasurerToken, "email");
        assertThat(latest.get("PAYMENT_ACCOUNT_CHANGED").get("actor").asString())
                .isEqualTo(founder);
        assertThat(latest.get("GIFT_REFUNDED").get("actor").asString()).isEqualTo(treasurer);
        assertThat(latest.get("GIFT_REFUNDED").get("target").asString()).contains(giftId);
        assertThat(latest.get("DONATIONS_EXPORTED").get("actor").asString()).isEqualTo(treasurer);
    }

    private static Map<String, Object> campaign() {
        return Map.of(
                "title",
                "Rénovons la péniche",
                "summary",
                "Une péniche-école pour le quartier",
                "goal",
                Map.of("amount", 1000_00, "currency", "EUR"),
                "endsAt",
                Instant.now().plus(Duration.ofDays(30)).toString());
    }

    private static String login(String email) {
        Gateway.Answer login = gateway.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        return login.text("accessToken");
    }

    /** A claim of the token, read as any client may (its payload is plain base64url JSON). */
    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Gateway.parse(payload).get(name).asString();
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    private static JsonNode emailTo(String address, String subjectStart) {
        for (JsonNode message : mail.get("/api/messages").body()) {
            if (message.get("to").toString().contains(address)
                    && message.get("subject").asString().startsWith(subjectStart)) {
                return message;
            }
        }
        return null;
    }

    private static long emailsTo(String address, String subjectStart) {
        long count = 0;
        for (JsonNode message : mail.get("/api/messages").body()) {
            if (message.get("to").toString().contains(address)
                    && message.get("subject").asString().startsWith(subjectStart)) {
                count++;
            }
        }
        return count;
    }
}
