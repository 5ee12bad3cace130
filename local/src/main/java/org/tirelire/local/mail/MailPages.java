package org.tirelire.local.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /} lists received messages, newest first; {@code GET /message?id=N} shows one;
 * {@code GET /api/messages} gives them as JSON for tests; {@code DELETE /api/messages} clears them.
 * Everything a message contains is escaped before it is shown.
 */
final class MailPages implements HttpHandler {

    private final GreenMail smtp;
    private final JsonMapper json = JsonMapper.builder().build();

    MailPages(GreenMail smtp) {
        this.smtp = smtp;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("GET")) {
                respond(exchange, 200, "application/json", json.writeValueAsBytes(messages()));
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                smtp.purgeEmailFromAllMailboxes();
                respond(exchange, 204, "text/plain", new byte[0]);
            } else if (path.equals("/message") && method.equals("GET")) {
                respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        page(message(exchange)).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/") && method.equals("GET")) {
                respond(exchange, 200, "text/html; charset=utf-8", page(list()).getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (MessagingException | com.icegreen.greenmail.store.FolderException e) {
            respond(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<Map<String, Object>> messages() throws MessagingException, IOException {
        List<MimeMessage> received = new ArrayList<>(Arrays.asList(smtp.getReceivedMessages()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            MimeMessage message = received.get(i);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", i);
            view.put(
                    "receivedAt",
                    message.getReceivedDate() == null
                            ? Instant.now().toString()
                            : message.getReceivedDate().toInstant().toString());
            view.put("from", addresses(message.getFrom()).stream().findFirst().orElse(""));
            view.put("to", addresses(message.getAllRecipients()));
            view.put("subject", message.getSubject());
            view.put("text", part(message, "text/plain"));
            view.put("html", part(message, "text/html"));
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.put(header.getName(), header.getValue());
            }
            view.put("headers", headers);
            out.add(view);
        }
        Collections.reverse(out);
        return out;
    }

    private String list() throws MessagingException, IOException {
        StringBuilder rows = new StringBuilder();
        for (Map<String, Object> message : messages()) {
            rows.append("<tr><td>")
                    .append(escape(message.get("receivedAt")))
                    .append("</td><td>")
                    .append(escape(message.get("to")))
                    .append("</td><td><a href=\"/message?id=")
                    .append(message.get("id"))
                    .append("\">")
                    .append(escape(message.get("subject")))
                    .append("</a></td></tr>");
        }
        return "<h1>Tirelire: emails sent locally</h1>"
                + "<p>Nothing here leaves this machine. Newest first.</p>"
                + "<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>" + rows + "</table>";
    }

    private String message(HttpExchange exchange) throws MessagingException, IOException {
        String query = exchange.getRequestURI().getQuery();
        String id = query == null ? "" : query.replace("id=", "");
        for (Map<String, Object> message : messages()) {
            if (String.valueOf(message.get("id")).equals(id)) {
                return "<p><a href=\"/\">All emails</a></p><h1>" + escape(message.get("subject")) + "</h1>"
                        + "<p>To: " + escape(message.get("to")) + "<br>From: " + escape(message.get("from")) + "</p>"
                        + "<h2>Text</h2><pre>" + escape(message.get("text")) + "</pre>"
                        + "<h2>HTML</h2><iframe sandbox style=\"width:100%;height:24em;border:1px solid #ccc\" srcdoc=\""
                        + escape(message.get("html")) + "\"></iframe>";
            }
        }
        return "<p>No such email. <a href=\"/\">All emails</a></p>";
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return GreenMailUtil.getBody(part).isEmpty() ? "" : String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }

    static String escape(Object value) {
        return String.valueOf(value)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String page(String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tirelire mail</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}</style>"
                + "</head><body>" + body + "</body></html>";
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
