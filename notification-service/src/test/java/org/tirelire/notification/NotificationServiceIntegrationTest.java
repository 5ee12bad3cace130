package org.tirelire.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationMessageHidden;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.contracts.events.SubscriptionMovedToGeneralFund;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.email.OutgoingEmail;
import org.tirelire.notification.email.OutgoingEmails;
import org.tirelire.notification.email.SentEmails;
import org.tirelire.notification.subscription.NewsSubscribers;
import org.tirelire.testing.KafkaTestClient;
import org.tirelire.testing.TestHttp;

/** notification-service on a real Kafka broker, a MongoDB-wire server and a real SMTP server (GreenMail). */
// Closed after its class, while the test Kafka broker still runs: at JVM exit its consumers could not leave.
class NotificationServiceIntegrationTest extends NotificationServiceTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @AfterAll
    static void stop() throws InterruptedException {
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
        assertThat(body).contains("30,00").contains(gift.donationId()).contains("https://dons.example.org/campaigns/");
        // From the association, under its name, replies to its organiser; the address stays the platform's.
        InternetAddress from = (InternetAddress) email.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Les Amis du Canal");
        assertThat(from.getAddress()).isEqualTo("noreply@tirelire.local");
        assertThat(email.getReplyTo()).extracting(Object::toString).containsExactly("organiser@example.org");
        assertThat(body).contains("Les Amis du Canal, avec Tirelire");
        assertThat(TestHttp.client(port)
                        .get()
                        .uri("/actuator/prometheus")
                        .retrieve()
                        .body(String.class))
                .as("each email handed to the SMTP server is counted for Prometheus")
                .containsPattern(
                        "tirelire_emails_total\\{application=\"notification-service\",outcome=\"sent\"\\} [1-9]");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);
    }

    @Test
    void an_email_sent_again_after_a_crash_is_the_same_message_for_mail_clients() throws Exception {
        String campaignId = publishedCampaign("Chorale du quartier");
        DonationConfirmed gift = gift(campaignId, "lea-" + UUID.randomUUID() + "@example.org", "fr", 15_00);
        send(gift);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);

        // As after a kill -9 between the SMTP server's acceptance and the record: the email is still due.
        String emailId = "thank-you:" + gift.donationId();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> outgoingEmails.findById(emailId).isEmpty());
        OutgoingEmail sent = mongo.findById(emailId, OutgoingEmail.class, SentEmails.COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").is(emailId)), SentEmails.COLLECTION);
        outgoingEmails.save(new OutgoingEmail(
                sent.id(),
                sent.to(),
                sent.toSha256(),
                sent.subject(),
                sent.text(),
                sent.html(),
                sent.headers(),
                OutgoingEmail.Status.PENDING,
                sent.attempts(),
                sent.createdAt(),
                Instant.now(),
                null,
                null,
                null,
                null,
                null));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(gift.donor().email()).size() == 2);
        List<MimeMessage> copies = messagesTo(gift.donor().email());
        assertThat(copies.get(0).getMessageID())
                .matches("<[0-9a-f-]{36}@tirelire\\.local>")
                .isEqualTo(copies.get(1).getMessageID());

        // Her next gift is another message: a client must not take it for a copy.
        DonationConfirmed next = gift(campaignId, gift.donor().email(), "fr", 20_00);
        send(next);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(gift.donor().email()).size() == 3);
        assertThat(messagesTo(gift.donor().email()).get(2).getMessageID())
                .isNotEqualTo(copies.get(0).getMessageID());
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
    void a_monthly_gift_whose_campaign_ended_is_thanked_for_the_association_s_work() throws Exception {
        DonationConfirmed gift =
                gift("fund-org-" + UUID.randomUUID(), "ada-" + UUID.randomUUID() + "@example.org", "fr", 18_00);

        send(gift);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(gift.donor().email()).size() == 1);
        MimeMessage thanks = messagesTo(gift.donor().email()).get(0);
        assertThat(thanks.getSubject()).isEqualTo("Merci pour votre don à l'ensemble des actions de l'association");
        assertThat(GreenMailUtil.getBody(thanks))
                .contains(gift.donationId())
                .contains("https://dons.example.org/")
                .doesNotContain("/campaigns/");
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

    @Autowired
    OutgoingEmails outgoingEmails;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    NewsSubscribers subscribers;

    @Autowired
    CampaignSummaries campaignSummaries;

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
        assertThat(unsubscribe).startsWith("https://dons.example.org/api/unsubscribe?token=");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> messagesTo(silent).size() == 1);

        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + "token=".length());
        RestClient http = TestHttp.client(port);
        // One character of the signature changed (to another one whatever it was: never the same token).
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        assertThat(http.post()
                        .uri("/api/unsubscribe?token=" + forged)
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

    @Test
    void a_supporter_hears_of_their_page_of_each_gift_through_it_and_of_milestones_in_their_language() {
        String campaignId = publishedCampaign("Course solidaire");
        String supporter = "lea-" + UUID.randomUUID() + "@example.org";
        String slug = openPage(campaignId, "Léa", supporter, "Léa court 10 km", "en");

        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(supporter).size() == 1);
        assertThat(subjectOf(messagesTo(supporter).get(0))).isEqualTo("Your fundraising page is open: Léa court 10 km");
        assertThat(bodyOf(messagesTo(supporter).get(0)))
                .contains("https://dons.example.org/fundraisers/" + slug)
                .contains("https://dons.example.org/fundraisers/" + slug + "/edit?token=");

        DonationConfirmed throughThePage =
                throughPage(gift(campaignId, "tom-" + UUID.randomUUID() + "@example.org", "fr", 25_00), slug);
        send(throughThePage);
        send(throughThePage); // redelivered: the supporter hears of it once
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(supporter).size() == 2);
        MimeMessage giftEmail = messagesTo(supporter).get(1);
        assertThat(subjectOf(giftEmail)).isEqualTo("A new gift on your page: Léa court 10 km");
        assertThat(bodyOf(giftEmail))
                .contains("Marie C. just gave €25.00")
                .contains("Your page has raised €25.00 from 1 gift.");

        MilestoneReached quarter = new MilestoneReached(
                campaignId, "org-1", "25%", Money.of(250_00, "EUR"), Money.of(260_00, "EUR"), Instant.now());
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(quarter, "/campaign-service", campaignId, Instant.now(), null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(supporter).size() == 3);
        assertThat(subjectOf(messagesTo(supporter).get(2))).isEqualTo("\"Course solidaire\" reached the 25% milestone");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(supporter).size() == 3);
    }

    @Test
    void the_end_of_a_campaign_reaches_its_supporters_and_consenting_donors_once_each() {
        String campaignId = publishedCampaign("Fête de quartier");
        String supporterWhoAlsoGave = "sam-" + UUID.randomUUID() + "@example.org";
        String consenting = "oui-" + UUID.randomUUID() + "@example.org";
        String silent = "non-" + UUID.randomUUID() + "@example.org";
        openPage(campaignId, "Sam", supporterWhoAlsoGave, "Sam fait la fête", "fr");
        send(withConsent(gift(campaignId, supporterWhoAlsoGave, "fr", 10_00), true));
        send(withConsent(gift(campaignId, consenting, "fr", 10_00), true));
        send(withConsent(gift(campaignId, silent, "fr", 10_00), false));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> messagesTo(supporterWhoAlsoGave).size() == 2
                        && messagesTo(consenting).size() == 1
                        && messagesTo(silent).size() == 1);

        CampaignClosed closed = new CampaignClosed(
                campaignId, "org-1", Money.of(30_00, "EUR"), 3, Instant.now(), CampaignClosed.SUCCEEDED);
        for (int delivery = 0; delivery < 2; delivery++) {
            kafka.send(
                    Topics.CAMPAIGN_EVENTS,
                    campaignId,
                    codec.encode(codec.wrap(closed, "/campaign-service", campaignId, Instant.now(), null)));
        }

        String subject = "La campagne Fête de quartier est terminée";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> count(supporterWhoAlsoGave, subject) == 1 && count(consenting, subject) == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> count(supporterWhoAlsoGave, subject) == 1 && count(silent, subject) == 0);
        assertThat(bodyOf(messagesTo(consenting).stream()
                        .filter(m -> subjectOf(m).equals(subject))
                        .findFirst()
                        .orElseThrow()))
                .contains("30,00")
                .contains("/api/unsubscribe?token=");
    }

    private long count(String address, String subject) {
        return messagesTo(address).stream()
                .filter(m -> subjectOf(m).equals(subject))
                .count();
    }

    private String openPage(String campaignId, String name, String email, String title, String locale) {
        return org.tirelire.testing.TestHttp.client(port)
                .post()
                .uri("/api/campaigns/" + campaignId + "/fundraisers")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(java.util.Map.of(
                        "supporter", java.util.Map.of("name", name, "email", email), "title", title, "locale", locale))
                .retrieve()
                .body(tools.jackson.databind.JsonNode.class)
                .get("slug")
                .asString();
    }

    private static DonationConfirmed throughPage(DonationConfirmed gift, String slug) {
        return new DonationConfirmed(
                gift.donationId(),
                gift.campaignId(),
                gift.amount(),
                slug,
                null,
                gift.donor(),
                false,
                null,
                false,
                null,
                gift.confirmedAt());
    }

    @Test
    void an_erased_donor_gets_no_more_news_and_no_trace_of_their_address_is_kept() {
        String campaignId = publishedCampaign("Four à pain");
        String erased = "efface-" + UUID.randomUUID() + "@example.org";
        DonationConfirmed gift = withConsent(gift(campaignId, erased, "fr", 20_00), true);
        send(gift);
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(erased).size() == 1);

        String emailSha256 = DonorErased.emailSha256(erased);
        kafka.send(
                Topics.DONATION_EVENTS,
                campaignId,
                codec.encode(codec.wrap(
                        new DonorErased(gift.donationId(), campaignId, emailSha256, Instant.now()),
                        "/donation-service",
                        gift.donationId(),
                        Instant.now(),
                        null)));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Stream.concat(
                                outgoingEmails.findAll().stream(),
                                mongo.findAll(OutgoingEmail.class, SentEmails.COLLECTION).stream()))
                        .as("neither waiting nor kept as sent")
                        .noneMatch(email -> email.to().equals(erased)));
        publishNews(campaignId, "Le four chauffe", "Première fournée samedi.");

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(erased).size() == 1);
        assertThat(subscribers.findByCampaignId(campaignId)).isEmpty();
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
                "organiser@example.org",
                "Les Amis du Canal");
        kafka.send(
                Topics.CAMPAIGN_EVENTS,
                campaignId,
                codec.encode(codec.wrap(published, "/campaign-service", campaignId, Instant.now(), null)));
        return campaignId;
    }

    @Test
    void a_monthly_donor_is_told_once_that_their_gift_goes_on_for_the_association_when_its_campaign_ends()
            throws Exception {
        String campaignId = publishedCampaign("Rénovons la péniche");
        // The campaign's events and the gifts' travel on two topics: the email names the campaign once known.
        await().atMost(Duration.ofSeconds(10)).until(() -> campaignSummaries.existsById(campaignId));
        String email = "paul-" + UUID.randomUUID() + "@example.org";
        SubscriptionMovedToGeneralFund moved = new SubscriptionMovedToGeneralFund(
                "don-" + UUID.randomUUID(),
                campaignId,
                "sub-" + UUID.randomUUID(),
                new DonationConfirmed.Donor("Paul", "Martin", email, "fr"),
                Money.of(15_00, "EUR"),
                "MONTHLY",
                "https://dons.example.org/subscriptions/sub-1?token=t",
                Instant.now());
        byte[] event =
                codec.encode(codec.wrap(moved, "/donation-service", moved.subscriptionId(), Instant.now(), null));

        kafka.send(Topics.DONATION_EVENTS, campaignId, event);
        kafka.send(Topics.DONATION_EVENTS, campaignId, event); // redelivered

        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(email).size() == 1);
        MimeMessage told = messagesTo(email).get(0);
        assertThat(told.getSubject()).startsWith("La campagne « Rénovons la péniche » est terminée");
        assertThat(bodyOf(told))
                .contains("Votre don de 15,00\u00a0€ par mois continue")
                .contains("https://dons.example.org/subscriptions/sub-1?token=t");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(email).size() == 1);
    }

    @Test
    void the_live_feed_pushes_each_gift_and_takes_a_message_down_by_its_alert_s_name_once_hidden() throws Exception {
        String campaignId = publishedCampaign("Le gala de la chorale");
        await().atMost(Duration.ofSeconds(10)).until(() -> campaignSummaries.existsById(campaignId));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> watching = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/campaigns/" + campaignId + "/live"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> watching.body().forEach(lines::add), "live-feed-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(watching.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(lines).contains(":connected"));
            DonationConfirmed gift = new DonationConfirmed(
                    "don-" + UUID.randomUUID(),
                    campaignId,
                    Money.of(20_00, "EUR"),
                    null,
                    null,
                    new DonationConfirmed.Donor("Zoé", "Durand", "zoe@example.org", "fr"),
                    false,
                    "Appelez-moi au 06 12 34 56 78",
                    false,
                    null,
                    Instant.now());
            send(gift);
            DonationMessageHidden hidden = new DonationMessageHidden(gift.donationId(), campaignId, Instant.now());
            kafka.send(
                    Topics.DONATION_EVENTS,
                    campaignId,
                    codec.encode(codec.wrap(hidden, "/donation-service", gift.donationId(), Instant.now(), null)));

            await().atMost(Duration.ofSeconds(15)).until(() -> lines.contains("event:hidden"));
            String giftData = lines.get(lines.indexOf("event:gift") + 1);
            String hiddenData = lines.get(lines.indexOf("event:hidden") + 1);
            Matcher named = Pattern.compile("\"alert\":\"([0-9a-f]+)\"").matcher(giftData);
            assertThat(named.find()).as(giftData).isTrue();
            String alert = named.group(1);
            assertThat(giftData).contains("Appelez-moi").doesNotContain(gift.donationId());
            assertThat(hiddenData)
                    .as("names the gift's alert, and carries no message")
                    .contains("\"alert\":\"" + alert + "\"")
                    .doesNotContain("Appelez-moi");
        } finally {
            watching.body().close();
        }
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
}
