package org.tirelire.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tirelire.contracts.money.Money;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();

    @Test
    void a_thank_you_reads_naturally_in_french_and_in_english() {
        RenderedEmail french =
                templates.render("thank-you", EmailTemplates.FRENCH, new Object[] {"Péniche"}, thankYou("Ada"));
        RenderedEmail english =
                templates.render("thank-you", EmailTemplates.ENGLISH, new Object[] {"Péniche"}, thankYou("Ada"));

        assertThat(french.subject()).isEqualTo("Merci pour votre don à Péniche");
        assertThat(french.text())
                .contains("Bonjour Ada,")
                .contains("Votre don de 1\u202f234,56\u00a0€ à « Péniche » a bien été reçu le 22 novembre 2026.")
                .contains("Référence du don : don-1")
                .contains("http://localhost:8080/campaigns/peniche");
        assertThat(english.subject()).isEqualTo("Thank you for your gift to Péniche");
        assertThat(english.text()).contains("Dear Ada,").contains("Your gift of €1,234.56 to \"Péniche\"");
        assertThat(english.html()).startsWith("<!DOCTYPE html>").contains("lang=\"en\"");
    }

    @Test
    void a_monthly_gift_s_thank_you_links_to_the_donor_s_page_and_a_one_off_s_does_not() {
        Map<String, Object> charge = new HashMap<>(thankYou("Ada"));
        charge.put("manageUrl", "http://localhost:8080/subscriptions/sub-1?token=signed");

        RenderedEmail monthly = templates.render("thank-you", EmailTemplates.FRENCH, new Object[] {"Péniche"}, charge);
        RenderedEmail once =
                templates.render("thank-you", EmailTemplates.FRENCH, new Object[] {"Péniche"}, thankYou("Ada"));

        assertThat(monthly.text())
                .contains("Gérer mon don régulier (montant, moyen de paiement, pause, arrêt)\n"
                        + "http://localhost:8080/subscriptions/sub-1?token=signed");
        assertThat(monthly.html()).contains("href=\"http://localhost:8080/subscriptions/sub-1?token=signed\"");
        assertThat(once.text()).doesNotContain("Gérer mon don").contains("campaigns/peniche\n\nTirelire");
        assertThat(once.html()).doesNotContain("/subscriptions/");
    }

    @Test
    void what_a_person_typed_is_escaped_in_the_html_part_and_kept_in_the_text_part() {
        RenderedEmail email = templates.render(
                "thank-you",
                EmailTemplates.FRENCH,
                new Object[] {"<b>Péniche</b>"},
                thankYou("<img src=x onerror=alert(1)>"));

        assertThat(email.html()).doesNotContain("<img").doesNotContain("<b>").contains("&lt;img");
        assertThat(email.text()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void a_gift_through_a_page_shows_its_message_only_when_there_is_one() {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "supporterName", "Léa",
                "donorName", "Tom A.",
                "amount", Money.of(50_00, "EUR"),
                "pageTitle", "Léa court",
                "pageRaised", Money.of(85_00, "EUR"),
                "pageDonationCount", 3L,
                "pageUrl", "http://localhost:8080/fundraisers/lea"));
        assertThat(templates
                        .render("page-gift", EmailTemplates.FRENCH, new Object[] {"Léa court"}, variables)
                        .text())
                .contains("Tom A. vient de donner 50,00\u00a0€ par votre page « Léa court ».")
                .contains("Votre page a collecté 85,00\u00a0€ en 3 dons.")
                .doesNotContain("Son message");

        variables.put("message", "Allez Léa !");
        assertThat(templates
                        .render("page-gift", EmailTemplates.FRENCH, new Object[] {"Léa court"}, variables)
                        .html())
                .contains("Son message : « Allez Léa ! »");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "thank-you",
                "organiser-milestone",
                "organiser-closed",
                "news",
                "page-opened",
                "page-gift",
                "supporter-milestone",
                "campaign-ended"
            })
    void every_email_has_every_text_in_both_languages(String template) {
        for (Locale locale : new Locale[] {EmailTemplates.FRENCH, EmailTemplates.ENGLISH}) {
            RenderedEmail email = templates.render(template, locale, new Object[] {"Péniche", "50%"}, everyVariable());
            assertThat(email.subject() + email.text() + email.html())
                    .as(template + " in " + locale)
                    .doesNotContain("??")
                    .isNotBlank();
        }
    }

    private static Map<String, Object> thankYou(String firstName) {
        return Map.of(
                "firstName",
                firstName,
                "amount",
                Money.of(123_456, "EUR"),
                "campaignTitle",
                "Péniche",
                "confirmedAt",
                Instant.parse("2026-11-22T10:00:00Z"),
                "donationId",
                "don-1",
                "campaignUrl",
                "http://localhost:8080/campaigns/peniche");
    }

    private static Map<String, Object> everyVariable() {
        Map<String, Object> variables = new HashMap<>(thankYou("Ada"));
        Money money = Money.of(25_00, "EUR");
        variables.putAll(Map.of(
                "milestone", "50%",
                "raised", money,
                "donationCount", 12L,
                "refunded", true,
                "dashboardUrl", "http://localhost:8080/organiser",
                "title", "Nouvelles",
                "body", "Le chantier avance.",
                "unsubscribeUrl", "http://localhost:8080/api/unsubscribe?token=t",
                "supporterName", "Léa",
                "pageTitle", "Léa court"));
        variables.putAll(Map.of(
                "pageUrl", "http://localhost:8080/fundraisers/lea",
                "editUrl", "http://localhost:8080/fundraisers/lea/edit?token=t",
                "donorName", "Tom A.",
                "pageRaised", money,
                "pageDonationCount", 2L,
                "message", "Bravo",
                "name", "Léa"));
        return variables;
    }

    @Test
    void a_regular_gift_s_emails_say_when_the_next_charge_is_and_carry_the_donor_s_link() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", "Ada");
        variables.put("campaignTitle", "Péniche");
        variables.put("manageUrl", "https://dons.example.org/subscriptions/sub-1?token=t");
        variables.put("amount", Money.of(10_00, "EUR"));
        variables.put("frequency", "MONTHLY");
        variables.put("nextChargeAt", Instant.parse("2027-01-01T10:00:00Z"));

        RenderedEmail started =
                templates.render("subscription-started", EmailTemplates.FRENCH, new Object[] {"Péniche"}, variables);

        assertThat(started.subject()).isEqualTo("Votre don régulier à Péniche est en place");
        assertThat(started.text())
                .contains("par mois")
                .contains("1 janvier 2027")
                .contains("sub-1?token=t");
        assertThat(started.html()).contains("href=\"https://dons.example.org/subscriptions/sub-1?token=t\"");

        RenderedEmail link =
                templates.render("subscription-link", EmailTemplates.FRENCH, new Object[] {"Péniche"}, variables);
        assertThat(link.subject()).isEqualTo("Le lien de votre don régulier à Péniche");
        assertThat(link.text()).contains("nouveau lien").contains("sub-1?token=t");

        variables.put("suspended", false);
        variables.put("retryAt", Instant.parse("2027-01-04T10:00:00Z"));
        RenderedEmail retried = templates.render(
                "subscription-charge-failed", EmailTemplates.ENGLISH, new Object[] {"Péniche"}, variables);
        assertThat(retried.text()).contains("tried again on").contains("sub-1?token=t");

        variables.put("suspended", true);
        RenderedEmail suspended = templates.render(
                "subscription-charge-failed", EmailTemplates.FRENCH, new Object[] {"Péniche"}, variables);
        assertThat(suspended.text()).contains("suspendu").doesNotContain("tenté à nouveau");

        variables.put("amount", Money.of(120_00, "EUR"));
        variables.put("chargeAt", Instant.parse("2027-03-14T10:00:00Z"));
        RenderedEmail upcoming =
                templates.render("subscription-upcoming", EmailTemplates.FRENCH, new Object[] {"Péniche"}, variables);
        assertThat(upcoming.subject()).isEqualTo("Votre don annuel à Péniche sera prélevé dans deux semaines");
        assertThat(upcoming.text())
                .contains("Votre don annuel de 120,00\u00a0€ à « Péniche » sera prélevé le 14 mars 2027.")
                .contains("sub-1?token=t");
        assertThat(upcoming.html()).contains("href=\"https://dons.example.org/subscriptions/sub-1?token=t\"");

        variables.put("frequency", "MONTHLY");
        variables.put("organisationName", "Les Amis du Canal");
        RenderedEmail generalFund = templates.render(
                "subscription-general-fund", EmailTemplates.FRENCH, new Object[] {"Péniche"}, variables);
        assertThat(generalFund.subject())
                .isEqualTo("La campagne « Péniche » est terminée : votre don régulier continue pour l’association");
        assertThat(generalFund.text())
                .contains(
                        "Votre don de 120,00\u00a0€ par mois continue : il soutient désormais l’ensemble des actions de"
                                + " l’association Les Amis du Canal.")
                .contains("sub-1?token=t");
        variables.remove("organisationName");
        assertThat(templates
                        .render(
                                "subscription-general-fund",
                                EmailTemplates.ENGLISH,
                                new Object[] {"Péniche"},
                                variables)
                        .text())
                .as("an event from before organisations' names: the association, unnamed")
                .contains("a month goes on: it now supports the work of the association as a whole.");
    }
}
