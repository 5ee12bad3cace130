package org.tirelire.local.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MailServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private MailServer server;

    @BeforeEach
    void startTheCatcher() throws Exception {
        server = MailServer.start(0, 0);
    }

    @AfterEach
    void stopTheCatcher() {
        server.close();
    }

    @Test
    void a_message_sent_over_smtp_is_listed_once_with_all_its_recipients() throws Exception {
        send("Merci pour votre don", "Merci Léa !", "<p>Merci <b>Léa</b> !</p>", "lea@example.org", "paul@example.org");

        JsonNode messages = json.readTree(get("/api/messages").body());

        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("from").asString()).isEqualTo("Les Amis du Canal <dons@tirelire.local>");
        assertThat(message.get("to").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("lea@example.org", "paul@example.org");
        assertThat(message.get("subject").asString()).isEqualTo("Merci pour votre don");
        assertThat(message.get("text").asString()).isEqualTo("Merci Léa !");
        assertThat(message.get("html").asString()).isEqualTo("<p>Merci <b>Léa</b> !</p>");
        assertThat(message.get("headers").get("List-Unsubscribe").asString())
                .isEqualTo("<https://example.org/unsubscribe>");
        assertThat(message.get("receivedAt").asString()).isNotBlank();
        assertThat(message.get("id").asString()).isNotBlank();
    }

    @Test
    void the_newest_message_comes_first_and_delete_clears_them_all() throws Exception {
        send("Premier", "1", null, "a@example.org");
        send("Second", "2", null, "a@example.org");

        assertThat(json.readTree(get("/api/messages").body())
                        .valueStream()
                        .map(m -> m.get("subject").asString()))
                .containsExactly("Second", "Premier");

        HttpResponse<String> deleted = http.send(
                HttpRequest.newBuilder(url("/api/messages")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(json.readTree(get("/api/messages").body())).isEmpty();
    }

    @Test
    void the_pages_show_what_a_message_contains_escaped_and_its_html_only_in_a_sandbox() throws Exception {
        send(
                "<script>alert('subject')</script>",
                "Hello <img src=x onerror=alert(1)>",
                "<p>Hi</p><script>alert(\"html\")</script>",
                "\"<b>\"@example.org");

        HttpResponse<String> list = get("/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(list.body())
                .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;")
                .contains("dons@tirelire.local")
                .doesNotContain("<script>");

        String id = json.readTree(get("/api/messages").body()).get(0).get("id").asString();
        HttpResponse<String> message = get("/message?id=" + id);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body())
                .contains("Hello &lt;img src=x onerror=alert(1)&gt;")
                .contains("<iframe sandbox title=\"HTML part\" srcdoc=\"&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;"
                        + "alert(&quot;html&quot;)&lt;/script&gt;\"></iframe>")
                .doesNotContain("<script>")
                .doesNotContain("<img");
        assertThat(get("/message?id=999").statusCode()).isEqualTo(404);
    }

    private void send(String subject, String text, String html, String... recipients) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("dons@tirelire.local", "Les Amis du Canal"));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setHeader("List-Unsubscribe", "<https://example.org/unsubscribe>");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        Transport.send(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.webPort() + path);
    }
}
