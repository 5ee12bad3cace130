package org.tirelire.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.MemberEvent;
import org.tirelire.contracts.events.MemberInvited;
import org.tirelire.contracts.events.MemberJoined;
import org.tirelire.contracts.events.MemberRemoved;
import org.tirelire.contracts.events.MemberRoleChanged;
import org.tirelire.contracts.events.PaymentAccountChanged;
import org.tirelire.contracts.events.Topics;
import org.tirelire.testing.KafkaTestClient;

/**
 * What the people of an organisation are told, from identity's member events and donation-service's
 * payment-account events: the invitation with its link, and every administrator told of each change.
 */
class MemberEmailsIntegrationTest extends NotificationServiceTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();

    @AfterAll
    static void stop() throws InterruptedException {
        kafka.close();
    }

    @Test
    void an_invited_person_gets_a_link_that_names_the_organisation_and_their_role() {
        String organisationId = "org-" + UUID.randomUUID();
        String invitee = "tresoriere-" + UUID.randomUUID() + "@example.org";
        Instant now = Instant.now();

        publish(new MemberInvited(
                organisationId,
                "Les Amis du Canal",
                "member-1",
                invitee,
                "TREASURER",
                "president@example.org",
                "the-link-token",
                now.plus(Duration.ofDays(7)),
                now));

        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(invitee).size() == 1);
        MimeMessage email = messagesTo(invitee).get(0);
        assertThat(subjectOf(email)).isEqualTo("Invitation à rejoindre Les Amis du Canal sur Tirelire");
        assertThat(bodyOf(email))
                .contains("president@example.org vous invite à rejoindre l’équipe de Les Amis du Canal")
                .contains("avec le rôle trésorier")
                .contains("https://dons.example.org/invitations/the-link-token")
                .contains("ne sert qu’une fois");
    }

    @Test
    void every_administrator_hears_that_gifts_now_go_to_another_account_and_nobody_else_does() {
        String organisationId = "org-" + UUID.randomUUID();
        String president = email("president");
        String secretary = email("secretaire");
        String volunteer = email("benevole");
        joined(organisationId, "m-president", president, "ADMIN");
        joined(organisationId, "m-secretary", secretary, "ADMIN");
        joined(organisationId, "m-volunteer", volunteer, "VOLUNTEER");
        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(secretary).size() == 1);

        PaymentAccountChanged changed =
                new PaymentAccountChanged(organisationId, "STRIPE", "CONNECTED", secretary, Instant.now());
        kafka.send(
                Topics.DONATION_EVENTS,
                changed.partitionKey(),
                codec.encode(codec.wrap(changed, "/donation-service", organisationId, Instant.now(), null)));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> paymentEmails(president) == 1 && paymentEmails(secretary) == 1);
        MimeMessage email = messagesTo(president).stream()
                .filter(m -> subjectOf(m).startsWith("Compte de paiement"))
                .findFirst()
                .orElseThrow();
        assertThat(subjectOf(email)).isEqualTo("Compte de paiement de l’association : Stripe");
        assertThat(bodyOf(email))
                .contains(secretary + " a changé le")
                .contains("c’est désormais Stripe")
                .contains("Si ce n’est pas vous, changez votre mot de passe")
                .contains("/organiser/payments");
        assertThat(paymentEmails(volunteer)).isZero();
    }

    @Test
    void before_any_member_is_known_the_person_who_changed_the_account_hears_of_it() {
        String treasurer = email("tresoriere");
        PaymentAccountChanged changed = new PaymentAccountChanged(
                "org-" + UUID.randomUUID(), "HELLOASSO", "CONNECTED", treasurer, Instant.now());

        kafka.send(
                Topics.DONATION_EVENTS,
                changed.partitionKey(),
                codec.encode(codec.wrap(changed, "/donation-service", "org", Instant.now(), null)));

        await().atMost(Duration.ofSeconds(15)).until(() -> paymentEmails(treasurer) == 1);
    }

    @Test
    void administrators_and_the_member_hear_of_a_new_role_and_a_removed_administrator_hears_no_more() {
        String organisationId = "org-" + UUID.randomUUID();
        String president = email("president");
        String editor = email("editeur");
        joined(organisationId, "m-president", president, "ADMIN");
        joined(organisationId, "m-editor", editor, "EDITOR");

        publish(new MemberRoleChanged(organisationId, "m-editor", editor, "EDITOR", "ADMIN", president, Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> memberEmails(editor) == 1 && memberEmails(president) == 2);
        assertThat(bodyOf(messagesTo(editor).get(0)))
                .contains(president + " a changé le rôle de " + editor + " : éditeur devient administrateur");

        publish(new MemberRemoved(organisationId, "m-editor", editor, "ADMIN", president, Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> memberEmails(editor) == 2);
        assertThat(bodyOf(messagesTo(editor).get(1))).contains(president + " a retiré " + editor);

        PaymentAccountChanged changed =
                new PaymentAccountChanged(organisationId, "SANDBOX", "CONNECTED", president, Instant.now());
        kafka.send(
                Topics.DONATION_EVENTS,
                changed.partitionKey(),
                codec.encode(codec.wrap(changed, "/donation-service", organisationId, Instant.now(), null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> paymentEmails(president) == 1);
        assertThat(paymentEmails(editor)).as("no longer a member").isZero();
    }

    private void joined(String organisationId, String memberId, String email, String role) {
        publish(new MemberJoined(organisationId, "Les Amis du Canal", memberId, email, role, Instant.now()));
    }

    private static void publish(MemberEvent event) {
        kafka.send(
                Topics.MEMBER_EVENTS,
                event.partitionKey(),
                codec.encode(codec.wrap(event, "/identity", event.memberId(), Instant.now(), null)));
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    private static long paymentEmails(String address) {
        return messagesTo(address).stream()
                .filter(m -> subjectOf(m).startsWith("Compte de paiement"))
                .count();
    }

    private static long memberEmails(String address) {
        return messagesTo(address).stream()
                .filter(m -> subjectOf(m).startsWith("Les membres de votre association"))
                .count();
    }
}
