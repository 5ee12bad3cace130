package org.tirelire.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;
import org.tirelire.testing.TestInfrastructure;
import org.tirelire.testing.TestTokens;

/** notification-service on a real Kafka broker, a MongoDB-wire server and a real SMTP server (GreenMail). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.health.mongo.enabled=false",
            "tirelire.email.dispatch-interval=100ms",
            "tirelire.email.public-base-url=http://tirelire.test"
        })
class NotificationServiceIntegrationTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-service-it");
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        smtp.stop();
        kafka.close();
    }

    @Test
    void a_donor_is_thanked_once_in_french_even_when_the_event_arrives_twice() throws Exception {
        String campaignId = publishedCampaign("Rénovons la péniche");
        DonationConfirmed gift = gift(campaignId, "marie-" + UUID.randomUUID() + "@example.org", "fr", 30_00);

        send(gift);
        send(gift);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);
        MimeMessage email = messagesTo(gift.donor().email()).get(0);
        assertThat(email.getSubject()).isEqualTo("Merci pour votre don à Rénovons la péniche");
        String body = GreenMailUtil.getBody(email);
        assertThat(body).contains("30,00").contains(gift.donationId()).contains("http://tirelire.test/campaigns/");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);
    }

    @Test
    void an_english_speaking_donor_is_thanked_in_english() throws Exception {
        String campaignId = publishedCampaign("Save the barge");
        DonationConfirmed gift = gift(campaignId, "ada-" + UUID.randomUUID() + "@example.org", "en", 12_50);

        send(gift);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);
        assertThat(messagesTo(gift.donor().email()).get(0).getSubject())
                .isEqualTo("Thank you for your gift to Save the barge");
    }

    @Test
    void emails_wait_while_the_smtp_server_is_away_and_go_out_when_it_is_back() {
        String campaignId = publishedCampaign("Atelier vélo");
        DonationConfirmed gift = gift(campaignId, "late-" + UUID.randomUUID() + "@example.org", "fr", 8_00);
        smtp.stop();

        send(gift);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        smtp = startSmtp();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);
    }

    @LocalServerPort
    int port;

    @Test
    void news_reaches_only_consenting_donors_who_can_leave_in_one_click() throws Exception {
        String campaignId = publishedCampaign("Jardin partagé");
        String consenting = "oui-" + UUID.randomUUID() + "@example.org";
        String silent = "non-" + UUID.randomUUID() + "@example.org";
        send(withConsent(gift(campaignId, consenting, "fr", 10_00), true));
        send(withConsent(gift(campaignId, silent, "fr", 10_00), false));
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        messagesTo(consenting).size() == 1 && messagesTo(silent).size() == 1);

        publishNews(campaignId, "Les bacs sont arrivés", "Merci à tous : rendez-vous samedi pour planter.");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(consenting).size() == 2);
        MimeMessage news = messagesTo(consenting).get(1);
        assertThat(news.getSubject()).contains("Les bacs sont arrivés");
        assertThat(news.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = news.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertThat(unsubscribe).startsWith("http://tirelire.test/api/unsubscribe?token=");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> messagesTo(silent).size() == 1);

        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + "token=".length());
        RestClient http = TestHttp.client(port);
        assertThat(http.post()
                        .uri("/api/unsubscribe?token=" + token.substring(0, token.length() - 2) + "00")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .as("a forged token")
                .isEqualTo(400);
        assertThat(http.post()
                        .uri("/api/unsubscribe?token=" + token)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        publishNews(campaignId, "Deuxième nouvelle", "Encore merci.");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(consenting).size() == 2);
    }

    @Test
    void the_organiser_is_told_of_each_milestone_once() {
        String campaignId = publishedCampaign("Atelier couture");
        MilestoneReached half = new MilestoneReached(
                campaignId, "org-1", "50%", Money.of(500_00, "EUR"), Money.of(510_00, "EUR"), Instant.now());

        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(half, "/campaign-service", campaignId, Instant.now(), null)));
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(half, "/campaign-service", campaignId, Instant.now(), null)));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo("organiser@example.org").stream()
                        .anyMatch(m -> subjectOf(m).equals("Palier 50% atteint : Atelier couture")));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo("organiser@example.org").stream()
                                .filter(m -> subjectOf(m).equals("Palier 50% atteint : Atelier couture"))
                                .count()
                        == 1);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static void publishNews(String campaignId, String title, String body) {
        NewsPublished news =
                new NewsPublished(UUID.randomUUID().toString(), campaignId, "org-1", title, body, Instant.now());
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(news, "/campaign-service", campaignId, Instant.now(), null)));
    }

    private static DonationConfirmed withConsent(DonationConfirmed gift, boolean consent) {
        return new DonationConfirmed(
                gift.donationId(),
                gift.campaignId(),
                gift.amount(),
                null,
                null,
                gift.donor(),
                false,
                null,
                consent,
                null,
                gift.confirmedAt());
    }

    private static String publishedCampaign(String title) {
        String campaignId = "camp-" + UUID.randomUUID();
        CampaignPublished published = new CampaignPublished(
                campaignId,
                "org-1",
                "slug-" + campaignId,
                title,
                Money.of(1000_00, "EUR"),
                "KEEP_IT_ALL",
                Instant.now().plus(Duration.ofDays(10)),
                List.of(),
                Instant.now(),
                "organiser@example.org");
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(published, "/campaign-service", campaignId, Instant.now(), null)));
        return campaignId;
    }

    private static DonationConfirmed gift(String campaignId, String email, String locale, long amount) {
        return new DonationConfirmed(
                "don-" + UUID.randomUUID(),
                campaignId,
                Money.of(amount, "EUR"),
                null,
                null,
                new DonationConfirmed.Donor("Marie", "Curie", email, locale),
                false,
                null,
                false,
                null,
                Instant.now());
    }

    private static void send(DonationConfirmed gift) {
        kafka.send(
                Topics.DONATION_EVENTS,
                gift.campaignId(),
                codec.encode(codec.wrap(gift, "/donation-service", gift.donationId(), Instant.now(), null)));
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
