package org.tirelire.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.contracts.events.CampaignPublished;
import org.tirelire.contracts.events.ReceiptCancelled;
import org.tirelire.contracts.events.ReceiptIssued;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.Donor;
import org.tirelire.donation.donation.PostalAddress;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.receipt.ReceiptRegister;
import org.tirelire.donation.receipt.ReceiptSettingsChanges;
import org.tirelire.donation.receipt.ReceiptSettingsRequest;
import org.tirelire.kit.security.Organiser;
import org.tirelire.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Tax receipts end to end in donation-service: settings, a donor asking for one, the register numbering
 * under concurrency, cancellation on refund, annual receipts and erasure. The settings are saved through
 * the same component the API uses, past the password check that asks identity, which a system test covers.
 */
class ReceiptsIntegrationTest extends DonationServiceTest {

    static final Map<String, Object> ADDRESS =
            Map.of("line1", "3 place Bellecour", "postalCode", "69002", "city", "Lyon", "country", "FR");

    @Autowired
    ReceiptSettingsChanges settings;

    @Autowired
    ReceiptRegister register;

    @Autowired
    DonationRepository donations;

    private final String organisation = "org-" + UUID.randomUUID();
    private String campaignId;

    @BeforeEach
    void aLiveCampaign() {
        campaignId = "camp-" + UUID.randomUUID();
        publishCampaign(
                campaignId,
                organisation,
                new CampaignPublished.RewardOffered("r-" + campaignId, "Visite", Money.of(50_00, "EUR"), 10));
    }

    @Test
    void turning_receipts_on_names_every_missing_mention_and_saves_nothing() {
        ResponseEntity<JsonNode> noPassword = put("/api/organisations/me/receipts", Map.of("enabled", true));
        assertThat(noPassword.getStatusCode().value()).isEqualTo(422);
        assertThat(noPassword.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("currentPassword");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.change(
                        treasurer(),
                        new ReceiptSettingsRequest(
                                true,
                                "Les Restos",
                                null,
                                null,
                                null,
                                "X123",
                                "123456789",
                                List.of("201"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                "secret")))
                .isInstanceOfSatisfying(
                        org.tirelire.kit.web.InvalidFields.class,
                        refused -> assertThat(refused.errors())
                                .extracting(error -> error.get("field"))
                                .containsExactly(
                                        "rna",
                                        "siren",
                                        "articles",
                                        "address",
                                        "object",
                                        "legalStatus",
                                        "signatory",
                                        "eligibilityConfirmed"));
        JsonNode shown =
                getAs("/api/organisations/me/receipts/settings", organisation).getBody();
        assertThat(shown.get("enabled").asBoolean()).isFalse();
        assertThat(shown.get("legalName").isNull()).isTrue();
        assertThat(shown.get("missing").findValuesAsString("field")).contains("legalName", "eligibilityConfirmed");
    }

    @Test
    void a_donor_who_asks_gets_a_numbered_pdf_receipt_by_a_signed_link_and_the_email_event() throws IOException {
        assertThat(give(UUID.randomUUID().toString(), giftWithReceipt(50_00, ADDRESS))
                        .getStatusCode()
                        .value())
                .as("refused while the organisation issues no receipts")
                .isEqualTo(422);
        receiptsOn("PER_GIFT");
        Map<String, Object> incomplete = new HashMap<>(ADDRESS);
        incomplete.remove("city");
        incomplete.put("postalCode", "6900");
        ResponseEntity<JsonNode> refused = give(UUID.randomUUID().toString(), giftWithReceipt(50_00, incomplete));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("receipt.address.postalCode", "receipt.address.city");

        ResponseEntity<JsonNode> given = give(UUID.randomUUID().toString(), giftWithReceipt(50_00, ADDRESS));

        assertThat(given.getStatusCode().value()).isEqualTo(201);
        String donationId = given.getBody().get("id").asString();
        String receiptUrl = given.getBody().get("receiptUrl").asString();
        assertThat(receiptUrl).contains("/api/donations/" + donationId + "/receipt?token=");
        String path = receiptUrl.substring(receiptUrl.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get()
                                .uri(path)
                                .retrieve()
                                .toEntity(byte[].class)
                                .getStatusCode()
                                .value()
                        == 200);
        ResponseEntity<byte[]> pdf = http.get().uri(path).retrieve().toEntity(byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        int year = Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear();
        assertThat(textOf(pdf.getBody()))
                .contains("R-" + year + "-000001")
                .contains("Lovelace")
                .contains("3 place Bellecour, 69002 Lyon")
                .contains("***50,00 €***")
                .contains("cinquante euros")
                .contains("Les Restos du Quartier");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(receiptEventsOf(organisation))
                        .singleElement()
                        .isInstanceOfSatisfying(ReceiptIssued.class, issued -> {
                            assertThat(issued.number()).isEqualTo("R-" + year + "-000001");
                            assertThat(issued.donationIds()).containsExactly(donationId);
                            assertThat(issued.donor().email()).isEqualTo("ada@example.org");
                            assertThat(issued.pdf()).isNotBlank();
                        }));

        String forged = path.substring(0, path.length() - 4) + "0000";
        assertThat(http.get()
                        .uri(forged)
                        .retrieve()
                        .toEntity(JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        String otherGift = path.replace(donationId, UUID.randomUUID().toString());
        assertThat(http.get()
                        .uri(otherGift)
                        .retrieve()
                        .toEntity(JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void numbers_form_an_unbroken_sequence_when_many_gifts_are_receipted_at_once() throws Exception {
        receiptsOn("PER_GIFT");
        List<String> gifts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            gifts.add(confirmedGiftWithReceipt(10_00 + i, Instant.now()).id());
        }
        ExecutorService instances = Executors.newFixedThreadPool(8);
        List<Callable<Object>> issuing = new ArrayList<>();
        // each gift asked for three times over, as by redelivered events on several instances
        for (int round = 0; round < 3; round++) {
            gifts.forEach(id -> issuing.add(() -> register.issueForGift(id)));
        }
        for (var done : instances.invokeAll(issuing)) {
            done.get();
        }
        instances.shutdown();

        JsonNode entries = registerOf(
                        Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear())
                .get("receipts");
        List<String> numbers = entries.findValuesAsString("number");
        assertThat(numbers).hasSize(24).doesNotHaveDuplicates();
        for (int i = 0; i < 24; i++) {
            assertThat(numbers.get(i)).endsWith(String.format("-%06d", i + 1));
        }
        assertThat(entries.findValues("donationId").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(gifts);
    }

    @Test
    void a_refund_cancels_the_receipt_keeps_it_in_the_register_and_tells_the_donor() {
        receiptsOn("PER_GIFT");
        ResponseEntity<JsonNode> given = give(UUID.randomUUID().toString(), giftWithReceipt(80_00, ADDRESS));
        String donationId = given.getBody().get("id").asString();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !receiptEventsOf(organisation).isEmpty());

        assertThat(post("/api/donations/" + donationId + "/refund", organisation, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(receiptEventsOf(organisation))
                        .hasSize(2)
                        .last()
                        .isInstanceOfSatisfying(
                                ReceiptCancelled.class,
                                cancelled -> assertThat(cancelled.reason()).isEqualTo("le don a été remboursé")));
        JsonNode register =
                registerOf(Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear());
        assertThat(register.get("count").asInt()).isEqualTo(1);
        assertThat(register.get("receipts").get(0).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(register.get("totalReceipted").get("amount").asLong()).isZero();
        String csv = new String(
                http.get()
                        .uri("/api/organisations/me/receipts")
                        .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                        .accept(MediaType.parseMediaType("text/csv"))
                        .retrieve()
                        .body(byte[].class),
                StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFNuméro;Statut;")
                .contains(";annulé;don;")
                .contains(";80,00;EUR;");
    }

    @Test
    void annual_receipts_gather_a_donor_s_year_and_a_refund_replaces_theirs_with_a_corrected_one() throws IOException {
        receiptsOn("ANNUAL");
        int lastYear = Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear() - 1;
        Instant march = java.time.LocalDate.of(lastYear, 3, 10)
                .atStartOfDay(ZoneId.of("Europe/Paris"))
                .toInstant();
        Instant june = march.plus(Duration.ofDays(90));
        Donation first = confirmedGiftWithReceipt(20_00, march);
        Donation second = confirmedGiftWithReceipt(30_00, june);
        confirmedGiftWithReceipt(15_00, Instant.now()); // this year's: not in last year's receipt

        ResponseEntity<JsonNode> issued =
                post("/api/organisations/me/receipts/annual?year=" + lastYear, organisation, Map.of());
        assertThat(issued.getBody().get("issued").asInt()).isEqualTo(1);
        assertThat(post("/api/organisations/me/receipts/annual?year=" + lastYear, organisation, Map.of())
                        .getBody()
                        .get("issued")
                        .asInt())
                .as("asked again, issues nothing more")
                .isZero();
        JsonNode annual = registerOf(lastYear).get("receipts").get(0);
        assertThat(annual.get("kind").asString()).isEqualTo("ANNUAL");
        assertThat(annual.get("amount").get("amount").asLong()).isEqualTo(50_00);
        assertThat(annual.findValuesAsString("donationId")).containsExactly(first.id(), second.id());

        post("/api/donations/" + first.id() + "/refund", organisation, Map.of());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> registerOf(lastYear).get("count").asInt() == 2);
        JsonNode register = registerOf(lastYear);
        assertThat(register.get("receipts").get(0).get("status").asString()).isEqualTo("CANCELLED");
        JsonNode corrected = register.get("receipts").get(1);
        assertThat(corrected.get("number").asString()).isEqualTo("R-" + lastYear + "-000002");
        assertThat(corrected.get("replaces").asString()).isEqualTo("R-" + lastYear + "-000001");
        assertThat(corrected.get("amount").get("amount").asLong()).isEqualTo(30_00);
        assertThat(register.get("totalReceipted").get("amount").asLong()).isEqualTo(30_00);
        byte[] pdf = http.get()
                .uri("/api/organisations/me/receipts/R-" + lastYear + "-000002.pdf")
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .retrieve()
                .body(byte[].class);
        assertThat(textOf(pdf)).contains("annule et remplace le reçu n° R-" + lastYear + "-000001");
    }

    @Test
    void erasing_a_donor_keeps_their_receipts_in_the_register_for_the_legal_six_years() {
        receiptsOn("PER_GIFT");
        Donation gift = confirmedGiftWithReceipt(40_00, Instant.now());
        register.issueForGift(gift.id());

        post("/api/donations/erasures", organisation, Map.of("email", "ada@example.org"));

        assertThat(donations.findById(gift.id()).orElseThrow().donor()).isNull();
        JsonNode entry = registerOf(
                        Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear())
                .get("receipts")
                .get(0);
        assertThat(entry.get("status").asString()).isEqualTo("ISSUED");
        assertThat(entry.get("donor").get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(entry.get("donor").get("address").get("city").asString()).isEqualTo("Lyon");
    }

    @Test
    void a_cheque_recorded_by_the_treasurer_gets_its_receipt_made_out_to_a_named_donor() {
        receiptsOn("PER_GIFT");
        Map<String, Object> cheque = new HashMap<>(Map.of(
                "amount", Map.of("amount", 100_00, "currency", "EUR"),
                "method", "CHEQUE",
                "donor", Map.of("firstName", "Jeanne"),
                "receipt", Map.of("wanted", true, "address", ADDRESS)));
        ResponseEntity<JsonNode> unnamed =
                post("/api/campaigns/" + campaignId + "/offline-donations", organisation, cheque);
        assertThat(unnamed.getStatusCode().value()).isEqualTo(422);
        assertThat(unnamed.getBody().get("errors").findValuesAsString("field")).containsExactly("donor.lastName");

        cheque.put("donor", Map.of("firstName", "Jeanne", "lastName", "Dupont"));
        assertThat(post("/api/campaigns/" + campaignId + "/offline-donations", organisation, cheque)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> registerOf(Instant.now()
                                        .atZone(ZoneId.of("Europe/Paris"))
                                        .getYear())
                                .get("count")
                                .asInt()
                        == 1);
        JsonNode entry = registerOf(
                        Instant.now().atZone(ZoneId.of("Europe/Paris")).getYear())
                .get("receipts")
                .get(0);
        assertThat(entry.get("donor").get("lastName").asString()).isEqualTo("Dupont");
        assertThat(entry.get("donor").get("email").asString())
                .as("a cheque's donor may have no email")
                .isEmpty();
        assertThat(entry.get("gifts").get(0).get("means").asString()).isEqualTo("CHEQUE");
    }

    @Test
    void the_giving_form_learns_what_a_gift_costs_after_the_tax_reduction() {
        JsonNode none = get("/api/campaigns/" + campaignId + "/receipt-policy").getBody();
        assertThat(none.get("issuesReceipts").asBoolean()).isFalse();

        receiptsOn("PER_GIFT");
        JsonNode policy = get("/api/campaigns/" + campaignId + "/receipt-policy?amounts=5000,2000")
                .getBody();

        assertThat(policy.get("issuesReceipts").asBoolean()).isTrue();
        assertThat(policy.get("reductionRate").asInt()).isEqualTo(66);
        assertThat(policy.get("estimates")
                        .get(0)
                        .get("costAfterReduction")
                        .get("amount")
                        .asLong())
                .isEqualTo(17_00);
        assertThat(policy.get("estimates")
                        .get(1)
                        .get("costAfterReduction")
                        .get("amount")
                        .asLong())
                .isEqualTo(6_80);
    }

    private void receiptsOn(String mode) {
        settings.change(
                treasurer(),
                new ReceiptSettingsRequest(
                        true,
                        "Les Restos du Quartier",
                        new PostalAddress("12 rue des Lilas", null, "75011", "Paris", "FR"),
                        "Aide alimentaire aux personnes en difficulté",
                        "ASSOCIATION_LOI_1901",
                        "W751234567",
                        null,
                        List.of("200"),
                        false,
                        new ReceiptSettingsRequest.Signatory("Claire Dubois", "Présidente"),
                        mode,
                        true,
                        null,
                        "checked by the controller"));
    }

    private Organiser treasurer() {
        return new Organiser("acc-1", organisation, "Les Restos", "tresoriere@example.org", OrganisationRole.TREASURER);
    }

    /** A gift confirmed at {@code paidAt} whose donor asked for a receipt, as giving and its webhook leave it. */
    private Donation confirmedGiftWithReceipt(long amount, Instant paidAt) {
        Donation gift = Donation.pending(
                        UUID.randomUUID().toString(),
                        campaignId,
                        organisation,
                        Money.of(amount, "EUR"),
                        new Donor("Ada", "Lovelace", "ada@example.org", "fr"),
                        false,
                        null,
                        null,
                        null,
                        false,
                        "pm_sandbox_ok",
                        ProviderKind.SANDBOX,
                        paidAt)
                .withReceiptTo(new PostalAddress("3 place Bellecour", null, "69002", "Lyon", "FR"));
        gift.confirm("pay-" + gift.id(), paidAt);
        return donations.insert(gift);
    }

    private Map<String, Object> giftWithReceipt(long amount, Map<String, Object> address) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("amount", Map.of("amount", amount, "currency", "EUR"));
        body.put("donor", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.org"));
        body.put("paymentMethod", "pm_sandbox_ok");
        body.put("receipt", Map.of("wanted", true, "address", address));
        return body;
    }

    private ResponseEntity<JsonNode> put(String path, Object body) {
        return http.put()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forOrganisation(organisation))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode registerOf(int year) {
        return getAs("/api/organisations/me/receipts?year=" + year, organisation)
                .getBody();
    }

    /** The receipts announced for {@code organisationId}, keyed by it, in the order they were published. */
    private static List<TirelireEvent> receiptEventsOf(String organisationId) {
        return donationEvents.stream()
                .filter(record -> organisationId.equals(record.key()))
                .map(record -> codec.data(codec.decode(record.value())))
                .filter(event -> event instanceof ReceiptIssued || event instanceof ReceiptCancelled)
                .toList();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
