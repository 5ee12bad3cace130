package org.tirelire.local.mail;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /} lists received messages, newest first; {@code GET /message?id=N} shows one;
 * {@code GET /attachment?id=N&index=I} downloads one of its attachments;
 * {@code GET /api/messages} gives them as JSON for tests; {@code DELETE /api/messages} clears them.
 * Everything a message contains is escaped before it is shown, and its HTML only ever runs in a
 * sandboxed frame: emails are untrusted input.
 */
final class MailPages implements HttpHandler {

    private final CaughtMail caught;
    private final JsonMapper json = JsonMapper.builder().build();

    MailPages(CaughtMail caught) {
        this.caught = caught;
    }

    /** One message as the page and the JSON show it. */
    record View(
            String id,
            String receivedAt,
            String from,
            List<String> to,
            String subject,
            String text,
            String html,
            Map<String, String> headers,
            List<Attachment> attachments) {}

    /** A file sent with an email: {@code GET /attachment?id=N&index=I} gives it back. */
    record Attachment(String fileName, String contentType, int size) {}

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("GET")) {
                respond(exchange, 200, "application/json", json.writeValueAsBytes(views()));
            } else if (path.equals("/api/messages") && method.equals("DELETE")) {
                caught.clear();
                respond(exchange, 204, "text/plain", new byte[0]);
            } else if (path.equals("/message") && method.equals("GET")) {
                Optional<View> message = find(exchange.getRequestURI().getQuery());
                respond(
                        exchange,
                        message.isPresent() ? 200 : 404,
                        "text/html; charset=utf-8",
                        page(message.map(MailPages::messagePage)
                                        .orElse("<p>No such email. <a href=\"/\">All emails</a></p>"))
                                .getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/attachment") && method.equals("GET")) {
                attachment(exchange);
            } else if (path.equals("/") && method.equals("GET")) {
                respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        page(listPage()).getBytes(StandardCharsets.UTF_8));
            } else {
                respond(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (MessagingException e) {
            respond(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<View> views() throws MessagingException, IOException {
        List<View> views = new ArrayList<>();
        for (CaughtMail.Caught message : caught.all()) {
            views.add(view(message));
        }
        return views;
    }

    private Optional<View> find(String query) throws MessagingException, IOException {
        Optional<CaughtMail.Caught> message = caughtBy(parameter(query, "id"));
        return message.isPresent() ? Optional.of(view(message.get())) : Optional.empty();
    }

    private Optional<CaughtMail.Caught> caughtBy(String id) {
        return caught.all().stream()
                .filter(message -> String.valueOf(message.id()).equals(id))
                .findFirst();
    }

    /** The attachment as sent, to open the PDF a service attached, say; downloaded, never shown inline. */
    private void attachment(HttpExchange exchange) throws MessagingException, IOException {
        String query = exchange.getRequestURI().getQuery();
        Optional<CaughtMail.Caught> message = caughtBy(parameter(query, "id"));
        List<Part> parts = new ArrayList<>();
        if (message.isPresent()) {
            attachments(message.get().message(), parts);
        }
        String index = parameter(query, "index");
        if (!index.matches("\\d{1,3}") || Integer.parseInt(index) >= parts.size()) {
            respond(exchange, 404, "text/plain", "No such attachment".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Part part = parts.get(Integer.parseInt(index));
        exchange.getResponseHeaders()
                .set("Content-Disposition", "attachment; filename=\"" + safeFileName(part.getFileName()) + "\"");
        byte[] content;
        try (var in = part.getInputStream()) {
            content = in.readAllBytes();
        }
        respond(exchange, 200, part.getContentType().split(";")[0].strip(), content);
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static String safeFileName(String name) {
        return name == null ? "attachment" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void attachments(Part part, List<Part> found) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                attachments(multipart.getBodyPart(i), found);
            }
        }
    }

    private static View view(CaughtMail.Caught caught) throws MessagingException, IOException {
        MimeMessage message = caught.message();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.merge(header.getName(), header.getValue(), (first, next) -> first + ", " + next);
        }
        List<String> from = addresses(message.getFrom());
        return new View(
                String.valueOf(caught.id()),
                caught.receivedAt().toString(),
                from.isEmpty() ? caught.envelopeFrom() : from.get(0),
                caught.envelopeTo(),
                Optional.ofNullable(message.getSubject()).orElse(""),
                part(message, "text/plain"),
                part(message, "text/html"),
                headers,
                attachmentsOf(message));
    }

    private static List<Attachment> attachmentsOf(MimeMessage message) throws MessagingException, IOException {
        List<Part> parts = new ArrayList<>();
        attachments(message, parts);
        List<Attachment> found = new ArrayList<>();
        for (Part part : parts) {
            found.add(new Attachment(
                    String.valueOf(part.getFileName()),
                    part.getContentType().split(";")[0].strip(),
                    part.getSize()));
        }
        return found;
    }

    private String listPage() throws MessagingException, IOException {
        StringBuilder rows = new StringBuilder();
        for (View message : views()) {
            rows.append("<tr><td>")
                    .append(escape(message.receivedAt()))
                    .append("</td><td>")
                    .append(escape(message.from()))
                    .append("</td><td>")
                    .append(escape(String.join(", ", message.to())))
                    .append("</td><td><a href=\"/message?id=")
                    .append(escape(message.id()))
                    .append("\">")
                    .append(escape(message.subject().isBlank() ? "(no subject)" : message.subject()))
                    .append("</a></td></tr>");
        }
        return "<h1>Tirelire: emails sent locally</h1>"
                + "<p>Nothing here leaves this machine. Newest first; kept in memory until the platform stops.</p>"
                + "<table><tr><th>Received (UTC)</th><th>From</th><th>To</th><th>Subject</th></tr>"
                + rows
                + "</table>";
    }

    private static String messagePage(View message) {
        StringBuilder page = new StringBuilder()
                .append("<p><a href=\"/\">All emails</a></p><h1>")
                .append(escape(message.subject()))
                .append("</h1><p>From: ")
                .append(escape(message.from()))
                .append("<br>To: ")
                .append(escape(String.join(", ", message.to())))
                .append("<br>Received: ")
                .append(escape(message.receivedAt()))
                .append("</p>");
        if (!message.text().isEmpty()) {
            page.append("<h2>Text</h2><pre>").append(escape(message.text())).append("</pre>");
        }
        if (!message.html().isEmpty()) {
            // srcdoc is an attribute: escaping makes it a string, and the empty sandbox keeps its
            // scripts, forms and top navigation from running.
            page.append("<h2>HTML</h2><iframe sandbox title=\"HTML part\" srcdoc=\"")
                    .append(escape(message.html()))
                    .append("\"></iframe>")
                    .append("<details><summary>HTML source</summary><pre>")
                    .append(escape(message.html()))
                    .append("</pre></details>");
        }
        if (!message.attachments().isEmpty()) {
            page.append("<h2>Attachments</h2><ul>");
            for (int i = 0; i < message.attachments().size(); i++) {
                Attachment attachment = message.attachments().get(i);
                page.append("<li><a href=\"/attachment?id=")
                        .append(escape(message.id()))
                        .append("&amp;index=")
                        .append(i)
                        .append("\">")
                        .append(escape(attachment.fileName()))
                        .append("</a> (")
                        .append(escape(attachment.contentType()))
                        .append(")</li>");
            }
            page.append("</ul>");
        }
        page.append("<h2>Headers</h2><pre>");
        message.headers()
                .forEach((name, value) ->
                        page.append(escape(name + ": " + value)).append('\n'));
        return page.append("</pre>").toString();
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
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

    static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String page(String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tirelire mail</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}"
                + "iframe{width:100%;height:28em;border:1px solid #ccc}pre{white-space:pre-wrap}</style>"
                + "</head><body>" + body + "</body></html>";
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        // Nothing from outside is loaded, not even an email's images: opening one tells no tracker.
        exchange.getResponseHeaders()
                .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
