package org.tirelire.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MemberEvent;
import org.tirelire.contracts.events.MemberInvited;
import org.tirelire.contracts.events.MemberJoined;
import org.tirelire.contracts.events.MemberRemoved;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.events.Topics;
import org.tirelire.testing.KafkaTestClient;
import tools.jackson.databind.JsonNode;

/**
 * An organisation run by several people, over HTTP: invitations and their links, roles in tokens, the
 * last administrator, sessions ended on removal, the password asked again long after sign-in, and the
 * member events the rest of the platform hears.
 */
class MembersIntegrationTest extends IdentityTest {

    private static final String PASSWORD = "correct horse battery";
    private static final EventCodec codec = new EventCodec();

    private static KafkaTestClient kafka;
    private static List<ConsumerRecord<String, byte[]>> memberEvents;

    @BeforeAll
    static void tailMemberEvents() {
        kafka = new KafkaTestClient();
        memberEvents = kafka.tail(Topics.MEMBER_EVENTS);
    }

    @AfterAll
    static void stopTail() throws InterruptedException {
        kafka.close();
    }

    @Test
    void an_invited_treasurer_joins_and_signs_in_as_treasurer() throws Exception {
        Founder founder = signUp("Les Amis du Canal");
        String treasurer = uniqueEmail("treasurer");

        ResponseEntity<JsonNode> invited = invite(founder.accessToken(), treasurer, "TREASURER", null);

        assertThat(invited.getStatusCode().value()).isEqualTo(201);
        assertThat(invited.getBody().get("status").asString()).isEqualTo("INVITED");
        assertThat(invited.getBody().get("role").asString()).isEqualTo("TREASURER");
        MemberInvited invitation = event(MemberInvited.class, treasurer);
        assertThat(invited.getBody().toString())
                .as("the link's token travels only to the email")
                .doesNotContain(invitation.invitationToken());
        assertThat(invitation.organisationId()).isEqualTo(founder.organisationId());
        assertThat(invitation.invitedBy()).isEqualTo(founder.email());
        assertThat(record(invitation.memberId()).key())
                .as("member events are keyed by organisation")
                .isEqualTo(founder.organisationId());

        JsonNode shown = http.get()
                .uri("/api/invitations/{token}", invitation.invitationToken())
                .retrieve()
                .body(JsonNode.class);
        assertThat(shown.get("organisationName").asString()).isEqualTo("Les Amis du Canal");
        assertThat(shown.get("accountExists").asBoolean()).isFalse();

        ResponseEntity<JsonNode> accepted = accept(invitation.invitationToken(), PASSWORD);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().get("organisationId").asString()).isEqualTo(founder.organisationId());
        assertThat(event(MemberJoined.class, treasurer).role()).isEqualTo("TREASURER");

        JsonNode login = login(treasurer, PASSWORD, null).getBody();
        assertThat(claim(login, "org")).isEqualTo(founder.organisationId());
        assertThat(claim(login, "org_name")).isEqualTo("Les Amis du Canal");
        assertThat(claim(login, "role")).isEqualTo("TREASURER");
        assertThat(members(founder.accessToken()).findValuesAsString("status")).containsExactly("ACTIVE", "ACTIVE");
    }

    @Test
    void a_founder_is_heard_of_as_their_organisation_s_first_administrator() {
        Founder founder = signUp("Solidarité Quartier");

        MemberJoined joined = event(MemberJoined.class, founder.email());

        assertThat(joined.organisationId()).isEqualTo(founder.organisationId());
        assertThat(joined.role()).isEqualTo("ADMIN");
        assertThat(joined.organisationName()).isEqualTo("Solidarité Quartier");
    }

    @Test
    void an_invitation_link_works_once_and_only_until_it_expires() {
        Founder founder = signUp("Les Amis du Canal");
        String volunteer = uniqueEmail("volunteer");
        invite(founder.accessToken(), volunteer, "VOLUNTEER", null);
        String token = event(MemberInvited.class, volunteer).invitationToken();

        String forged = token.substring(0, token.length() - 4) + "AAAA";
        assertThat(accept(forged, PASSWORD).getStatusCode().value()).isEqualTo(404);
        assertThat(accept(token, PASSWORD).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> reused = accept(token, "another password");
        assertThat(reused.getStatusCode().value()).isEqualTo(410);
        assertThat(reused.getBody().get("detail").asString()).contains("already accepted");
        assertThat(http.get()
                        .uri("/api/invitations/{token}", token)
                        .retrieve()
                        .toEntity(JsonNode.class)
                        .getStatusCode()
                        .value())
                .as("a used link shows no invitation any more")
                .isEqualTo(410);

        String late = uniqueEmail("late");
        invite(founder.accessToken(), late, "EDITOR", null);
        String lateToken = event(MemberInvited.class, late).invitationToken();
        clock.advance(Duration.ofDays(8));
        ResponseEntity<JsonNode> expired = accept(lateToken, PASSWORD);
        assertThat(expired.getStatusCode().value()).isEqualTo(410);
        assertThat(expired.getBody().get("detail").asString()).contains("expired");
        assertThat(login(late, PASSWORD, null).getStatusCode().value())
                .as("an expired invitation makes no account")
                .isEqualTo(401);
    }

    @Test
    void an_organisation_always_keeps_an_administrator() {
        Founder founder = signUp("Les Amis du Canal");
        String founderId = memberId(founder.accessToken(), founder.email());

        ResponseEntity<JsonNode> demoted = changeRole(founder.accessToken(), founderId, "EDITOR");
        assertThat(demoted.getStatusCode().value()).isEqualTo(409);
        assertThat(demoted.getBody().get("title").asString()).isEqualTo("Last administrator");
        assertThat(remove(founder.accessToken(), founderId).getStatusCode().value())
                .isEqualTo(409);

        String president = join(founder, "president", "TREASURER");
        assertThat(changeRole(founder.accessToken(), memberId(founder.accessToken(), president), "ADMIN")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(changeRole(founder.accessToken(), founderId, "EDITOR")
                        .getStatusCode()
                        .value())
                .as("once someone else administers it")
                .isEqualTo(200);
        assertThat(claim(login(founder.email(), PASSWORD, null).getBody(), "role"))
                .isEqualTo("EDITOR");
    }

    @Test
    void a_removed_member_s_sessions_end_at_once() {
        Founder founder = signUp("Les Amis du Canal");
        String treasurer = join(founder, "treasurer", "TREASURER");
        String refreshToken =
                login(treasurer, PASSWORD, null).getBody().get("refreshToken").asString();

        assertThat(remove(founder.accessToken(), memberId(founder.accessToken(), treasurer))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);

        assertThat(post("/api/auth/refresh", Map.of("refreshToken", refreshToken))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        ResponseEntity<JsonNode> again = login(treasurer, PASSWORD, null);
        assertThat(again.getStatusCode().value()).isEqualTo(403);
        assertThat(again.getBody().get("title").asString()).isEqualTo("Not a member");
        assertThat(event(MemberRemoved.class, treasurer).removedBy()).isEqualTo(founder.email());
        JsonNode latest = audit(founder.accessToken(), MediaType.APPLICATION_JSON)
                .getBody()
                .get(0);
        assertThat(latest.get("action").asString()).isEqualTo("MEMBER_REMOVED");
        assertThat(latest.get("actor").asString()).isEqualTo(founder.email());
        assertThat(latest.get("target").asString()).isEqualTo(treasurer);
    }

    @Test
    void a_new_role_counts_from_the_next_refresh() {
        Founder founder = signUp("Les Amis du Canal");
        String member = join(founder, "editor", "EDITOR");
        String refreshToken =
                login(member, PASSWORD, null).getBody().get("refreshToken").asString();

        changeRole(founder.accessToken(), memberId(founder.accessToken(), member), "TREASURER");

        JsonNode refreshed =
                post("/api/auth/refresh", Map.of("refreshToken", refreshToken)).getBody();
        assertThat(claim(refreshed, "role")).isEqualTo("TREASURER");
    }

    @Test
    void only_administrators_manage_members_and_every_member_sees_them() {
        Founder founder = signUp("Les Amis du Canal");
        String treasurer = join(founder, "treasurer", "TREASURER");
        String treasurerToken =
                login(treasurer, PASSWORD, null).getBody().get("accessToken").asString();

        ResponseEntity<JsonNode> refused = invite(treasurerToken, uniqueEmail("friend"), "ADMIN", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("requiredRoles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(changeRole(treasurerToken, memberId(treasurerToken, treasurer), "ADMIN")
                        .getStatusCode()
                        .value())
                .as("nobody gives themselves a role")
                .isEqualTo(403);
        assertThat(members(treasurerToken).findValuesAsString("email")).contains(founder.email(), treasurer);
        assertThat(http.get()
                        .uri("/api/organisations/me/members")
                        .retrieve()
                        .toEntity(JsonNode.class)
                        .getStatusCode()
                        .value())
                .as("without a token")
                .isEqualTo(401);
    }

    @Test
    void a_change_long_after_signing_in_asks_for_the_password_again() {
        Founder founder = signUp("Les Amis du Canal");
        clock.advance(Duration.ofMinutes(11));

        ResponseEntity<JsonNode> without = invite(founder.accessToken(), uniqueEmail("a"), "EDITOR", null);
        assertThat(without.getStatusCode().value()).isEqualTo(422);
        assertThat(without.getBody().get("errors").findValuesAsString("field")).containsExactly("currentPassword");
        assertThat(invite(founder.accessToken(), uniqueEmail("b"), "EDITOR", "not my password")
                        .getStatusCode()
                        .value())
                .isEqualTo(422);
        assertThat(invite(founder.accessToken(), uniqueEmail("c"), "EDITOR", PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(members(founder.accessToken()).findValuesAsString("email"))
                .as("refused invitations changed nothing")
                .hasSize(2);
    }

    @Test
    void a_person_in_two_organisations_chooses_one_at_login() {
        Founder canal = signUp("Les Amis du Canal");
        Founder quartier = signUp("Solidarité Quartier");
        invite(canal.accessToken(), quartier.email(), "EDITOR", null);
        String token = event(MemberInvited.class, quartier.email()).invitationToken();

        assertThat(http.get()
                        .uri("/api/invitations/{token}", token)
                        .retrieve()
                        .body(JsonNode.class)
                        .get("accountExists")
                        .asBoolean())
                .isTrue();
        assertThat(accept(token, "not my password").getStatusCode().value())
                .as("joining with an existing account is signing in to it")
                .isEqualTo(401);
        assertThat(accept(token, PASSWORD).getStatusCode().value()).isEqualTo(200);

        JsonNode own = login(quartier.email(), PASSWORD, null).getBody();
        assertThat(claim(own, "org")).isEqualTo(quartier.organisationId());
        assertThat(claim(own, "role")).isEqualTo("ADMIN");
        JsonNode other =
                login(quartier.email(), PASSWORD, canal.organisationId()).getBody();
        assertThat(claim(other, "org")).isEqualTo(canal.organisationId());
        assertThat(claim(other, "role")).isEqualTo("EDITOR");
        assertThat(login(quartier.email(), PASSWORD, UUID.randomUUID().toString())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void an_administrator_reads_who_did_what_newest_first_and_exports_it() {
        Founder founder = signUp("Les Amis du Canal");
        String treasurer = join(founder, "treasurer", "TREASURER");
        login(founder.email(), "not the password", null);
        changeRole(founder.accessToken(), memberId(founder.accessToken(), treasurer), "EDITOR");

        // The failed login is written aside, so as not to make a wrong password slower than an unknown email.
        JsonNode audit = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> audit(founder.accessToken(), MediaType.APPLICATION_JSON)
                                .getBody(),
                        log -> log.size() == 5);
        assertThat(audit.findValuesAsString("action"))
                .containsExactly("MEMBER_ROLE_CHANGED", "LOGIN_FAILED", "MEMBER_JOINED", "MEMBER_INVITED", "LOGIN");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo(founder.email());
        assertThat(audit.get(0).get("target").asString()).isEqualTo(treasurer + " now EDITOR");
        assertThat(audit.get(2).get("actor").asString()).isEqualTo(treasurer);

        String csv = http.get()
                .uri("/api/organisations/me/audit")
                .header("Authorization", "Bearer " + founder.accessToken())
                .accept(new MediaType("text", "csv"))
                .retrieve()
                .body(String.class);
        assertThat(csv.lines().toList()).hasSize(6).first().isEqualTo("at,actor,action,target");
        assertThat(csv).contains(",MEMBER_INVITED," + treasurer + " as TREASURER");

        String editorToken =
                login(treasurer, PASSWORD, null).getBody().get("accessToken").asString();
        assertThat(audit(editorToken, MediaType.APPLICATION_JSON)
                        .getStatusCode()
                        .value())
                .as("administrators only")
                .isEqualTo(403);
    }

    @Test
    void what_the_services_report_joins_the_audit_log_once_however_often_it_is_delivered() {
        Founder founder = signUp("Les Amis du Canal");
        Instant refundedAt = Instant.now().minusSeconds(5);
        OrganisationActionTaken refund = new OrganisationActionTaken(
                founder.organisationId(),
                AuditAction.GIFT_REFUNDED,
                "account-tresoriere",
                "tresoriere@example.org",
                "gift don-1 of 50.00 EUR",
                refundedAt);
        byte[] event = codec.encode(codec.wrap(refund, "/donation-service", "don-1", refundedAt, null));
        kafka.send(Topics.AUDIT_EVENTS, founder.organisationId(), event);
        kafka.send(Topics.AUDIT_EVENTS, founder.organisationId(), event); // delivered again

        JsonNode audit = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> audit(founder.accessToken(), MediaType.APPLICATION_JSON)
                                .getBody(),
                        log -> log.findValuesAsString("action").contains("GIFT_REFUNDED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        audit = audit(founder.accessToken(), MediaType.APPLICATION_JSON).getBody();
        assertThat(audit.findValuesAsString("action"))
                .as("newest first: the refund reported happened before the founder's login")
                .containsExactly("LOGIN", "GIFT_REFUNDED");
        assertThat(audit.get(1).get("actor").asString()).isEqualTo("tresoriere@example.org");
        assertThat(audit.get(1).get("target").asString()).isEqualTo("gift don-1 of 50.00 EUR");
    }

    @Test
    void an_organisation_that_requires_a_second_factor_signs_no_member_in_without_one() throws Exception {
        Founder founder = signUp("Les Amis du Canal");
        String treasurer = join(founder, "treasurer", "TREASURER");
        String treasurersSession =
                login(treasurer, PASSWORD, null).getBody().get("refreshToken").asString();

        assertThat(requireTwoFactor(founder.accessToken(), true).getStatusCode().value())
                .as("an administrator uses a second factor before requiring it of others")
                .isEqualTo(409);
        String foundersSecret = http.post()
                .uri("/api/auth/totp/enrol")
                .header("Authorization", "Bearer " + founder.accessToken())
                .retrieve()
                .body(JsonNode.class)
                .get("secret")
                .asString();
        assertThat(http.post()
                        .uri("/api/auth/totp/confirm")
                        .header("Authorization", "Bearer " + founder.accessToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("code", authenticatorCode(foundersSecret, clock.instant())))
                        .retrieve()
                        .toEntity(JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<JsonNode> required = requireTwoFactor(founder.accessToken(), true);
        assertThat(required.getBody().get("twoFactorRequired").asBoolean()).isTrue();
        assertThat(post("/api/auth/refresh", Map.of("refreshToken", treasurersSession))
                        .getStatusCode()
                        .value())
                .as("the sessions of members without a second factor end at once")
                .isEqualTo(401);

        ResponseEntity<JsonNode> refused = login(treasurer, PASSWORD, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().has("accessToken")).isFalse();
        String setupToken = refused.getBody().get("setupToken").asString();
        String secret = post("/api/auth/totp/enrol", Map.of("setupToken", setupToken))
                .getBody()
                .get("secret")
                .asString();
        assertThat(post(
                                "/api/auth/totp/confirm",
                                Map.of("code", authenticatorCode(secret, clock.instant()), "setupToken", setupToken))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("/api/auth/totp/enrol", Map.of("setupToken", setupToken))
                        .getStatusCode()
                        .value())
                .as("a setup token serves one enrolment")
                .isEqualTo(401);

        clock.advance(Duration.ofSeconds(30));
        Map<String, String> withCode =
                Map.of("email", treasurer, "password", PASSWORD, "code", authenticatorCode(secret, clock.instant()));
        ResponseEntity<JsonNode> signedIn = post("/api/auth/login", withCode);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
        String treasurersToken = signedIn.getBody().get("accessToken").asString();
        assertThat(requireTwoFactor(treasurersToken, false).getStatusCode().value())
                .as("administrators only")
                .isEqualTo(403);
        assertThat(http.get()
                        .uri("/api/organisations/me/security")
                        .header("Authorization", "Bearer " + treasurersToken)
                        .retrieve()
                        .body(JsonNode.class)
                        .get("twoFactorRequired")
                        .asBoolean())
                .isTrue();
        JsonNode audit =
                audit(founder.accessToken(), MediaType.APPLICATION_JSON).getBody();
        assertThat(audit.findValuesAsString("action"))
                .startsWith(
                        "LOGIN", "TWO_FACTOR_ENABLED", "TWO_FACTOR_REQUIREMENT_CHANGED", "TWO_FACTOR_ENABLED", "LOGIN");
        assertThat(audit.get(1).get("actor").asString()).isEqualTo(treasurer);
        assertThat(audit.get(2).get("target").asString()).isEqualTo("required of every member");
        assertThat(audit.get(3).get("actor").asString()).isEqualTo(founder.email());
    }

    private ResponseEntity<JsonNode> requireTwoFactor(String accessToken, boolean required) {
        return http.put()
                .uri("/api/organisations/me/security")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("twoFactorRequired", required))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> audit(String accessToken, MediaType accept) {
        return http.get()
                .uri("/api/organisations/me/audit")
                .header("Authorization", "Bearer " + accessToken)
                .accept(accept)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private record Founder(String email, String organisationId, String accessToken) {}

    private Founder signUp(String organisationName) {
        String email = uniqueEmail("founder");
        JsonNode account = post(
                        "/api/auth/signup",
                        Map.of("email", email, "password", PASSWORD, "organisationName", organisationName))
                .getBody();
        String accessToken =
                login(email, PASSWORD, null).getBody().get("accessToken").asString();
        return new Founder(email, account.get("organisationId").asString(), accessToken);
    }

    /** Invites a new person, who accepts at once; their email. */
    private String join(Founder founder, String who, String role) {
        String email = uniqueEmail(who);
        assertThat(invite(founder.accessToken(), email, role, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(accept(event(MemberInvited.class, email).invitationToken(), PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        return email;
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    private ResponseEntity<JsonNode> login(String email, String password, @Nullable String organisationId) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", password));
        if (organisationId != null) {
            body.put("organisationId", organisationId);
        }
        return post("/api/auth/login", body);
    }

    private ResponseEntity<JsonNode> invite(
            String accessToken, String email, String role, @Nullable String currentPassword) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "role", role));
        if (currentPassword != null) {
            body.put("currentPassword", currentPassword);
        }
        return http.post()
                .uri("/api/organisations/me/members")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> accept(String invitationToken, String password) {
        return post("/api/invitations/" + invitationToken + "/accept", Map.of("password", password));
    }

    private ResponseEntity<JsonNode> changeRole(String accessToken, String memberId, String role) {
        return http.patch()
                .uri("/api/organisations/me/members/{id}", memberId)
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("role", role))
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> remove(String accessToken, String memberId) {
        return http.delete()
                .uri("/api/organisations/me/members/{id}", memberId)
                .header("Authorization", "Bearer " + accessToken)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode members(String accessToken) {
        return http.get()
                .uri("/api/organisations/me/members")
                .header("Authorization", "Bearer " + accessToken)
                .retrieve()
                .body(JsonNode.class);
    }

    private String memberId(String accessToken, String email) {
        for (JsonNode member : members(accessToken)) {
            if (member.get("email").asString().equals(email)) {
                return member.get("id").asString();
            }
        }
        throw new AssertionError(email + " is not a member");
    }

    private static String claim(JsonNode tokens, String name) {
        try {
            return SignedJWT.parse(tokens.get("accessToken").asString())
                    .getJWTClaimsSet()
                    .getStringClaim(name);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event of this type about this email, once the relay has published it. */
    private static <T extends MemberEvent> T event(Class<T> type, String email) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> eventOrNull(type, email), found -> found != null);
    }

    private static <T extends MemberEvent> @Nullable T eventOrNull(Class<T> type, String email) {
        for (ConsumerRecord<String, byte[]> record : memberEvents) {
            CloudEvent envelope = codec.decode(record.value());
            if (type.isInstance(codec.data(envelope))
                    && type.cast(codec.data(envelope)).email().equals(email)) {
                return type.cast(codec.data(envelope));
            }
        }
        return null;
    }

    private static ConsumerRecord<String, byte[]> record(String memberId) {
        return memberEvents.stream()
                .filter(record -> codec.decode(record.value()).subject().equals(memberId))
                .findFirst()
                .orElseThrow();
    }
}
