package org.tirelire.gateway.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The API description as a page a person reads: operations grouped by tag, each with its method, path,
 * summary, the token it needs, its parameters and its answers; the JSON document one link away. Every
 * text from the document is escaped.
 */
final class ApiDocsPage {

    private ApiDocsPage() {}

    static String render(JsonNode document) {
        Map<String, List<String>> operationsByTag = new LinkedHashMap<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (JoinedApiDocument.METHODS.contains(entry.getKey())) {
                        JsonNode operation = entry.getValue();
                        String tag = operation.path("tags").path(0).asString("other");
                        operationsByTag
                                .computeIfAbsent(tag, t -> new ArrayList<>())
                                .add(operation(entry.getKey(), path.getKey(), operation));
                    }
                }));
        StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Tirelire API</title><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>")
                .append("<main><h1>")
                .append(escape(document.path("info").path("title").asString()))
                .append(" <span class=\"muted\">")
                .append(escape(document.path("info").path("version").asString()))
                .append("</span></h1><p>")
                .append(escape(document.path("info").path("description").asString()))
                .append("</p><p>The same as OpenAPI 3.1, for tools: <a href=\"/api/docs/openapi.json\">")
                .append("/api/docs/openapi.json</a>. Each operation says which token it needs: an organiser's ")
                .append("(<code>Authorization: Bearer</code>, from <code>POST /api/auth/login</code>) or the ")
                .append("administrator's (<code>X-Admin-Token</code>).</p>")
                .append("<nav aria-label=\"Parts of the API\"><p>");
        operationsByTag
                .keySet()
                .forEach(tag -> page.append("<a href=\"#")
                        .append(anchor(tag))
                        .append("\">")
                        .append(escape(tag))
                        .append("</a> · "));
        page.setLength(page.length() - " · ".length());
        page.append("</p></nav>");
        operationsByTag.forEach((tag, operations) -> {
            page.append("<h2 id=\"")
                    .append(anchor(tag))
                    .append("\">")
                    .append(escape(tag))
                    .append("</h2>");
            operations.forEach(page::append);
        });
        return page.append("</main></body></html>").toString();
    }

    private static String operation(String method, String path, JsonNode operation) {
        StringBuilder html = new StringBuilder(512);
        html.append("<section class=\"card api-operation\"><h3><code>")
                .append(method.toUpperCase(java.util.Locale.ROOT))
                .append(' ')
                .append(escape(path))
                .append("</code>");
        if (operation.has("security")) {
            html.append(" <span class=\"muted\">· ")
                    .append(tokenNeeded(operation.path("security")))
                    .append("</span>");
        }
        html.append("</h3>");
        String summary =
                operation.path("summary").asString(operation.path("description").asString(""));
        if (!summary.isBlank()) {
            html.append("<p>").append(escape(summary)).append("</p>");
        }
        List<String> parameters = new ArrayList<>();
        operation
                .path("parameters")
                .forEach(parameter -> parameters.add("<code>"
                        + escape(parameter.path("name").asString()) + "</code> ("
                        + escape(parameter.path("in").asString())
                        + (parameter.path("required").asBoolean(false) ? ", required" : "") + ")"));
        if (!parameters.isEmpty()) {
            html.append("<p>Parameters: ").append(String.join(", ", parameters)).append("</p>");
        }
        JsonNode body = operation.path("requestBody").path("content");
        if (!body.isMissingNode()) {
            List<String> bodies = new ArrayList<>();
            body.properties()
                    .forEach(media -> bodies.add("<code>" + escape(media.getKey()) + "</code> "
                            + escape(schemaName(media.getValue().path("schema")))));
            html.append("<p>Body: ").append(String.join(", ", bodies)).append("</p>");
        }
        // By status, so that success comes first and the refusals follow in order.
        Map<String, String> answersByStatus = new TreeMap<>();
        operation
                .path("responses")
                .properties()
                .forEach(response -> answersByStatus.put(
                        response.getKey(),
                        escape(response.getValue().path("description").asString())));
        List<String> answers = new ArrayList<>();
        answersByStatus.forEach((status, description) -> answers.add("<b>" + escape(status) + "</b> " + description));
        html.append("<p class=\"muted\">Answers: ")
                .append(String.join(" · ", answers))
                .append("</p></section>");
        return html.toString();
    }

    private static String tokenNeeded(JsonNode security) {
        String requirements = security.toString();
        if (requirements.contains(JoinedApiDocument.ADMIN_SCHEME)) {
            return "administrator's token";
        }
        return requirements.contains("{}") ? "organiser's token optional" : "organiser's token";
    }

    private static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return schema.path("type").asString("");
    }

    private static String anchor(String tag) {
        return "tag-" + tag.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
