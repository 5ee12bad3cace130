package org.tirelire.gateway.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The public API as one OpenAPI 3.1 document, joined from the parts that identity and each service
 * describe of themselves (springdoc, from their controllers). Joining adds what belongs to the whole
 * rather than to a part: the security schemes, and the RFC 9457 problem responses that the gateway
 * and every service give in the same shape. Each operation names the part it came from in
 * {@code x-tirelire-service}.
 */
final class JoinedApiDocument {

    static final String BEARER_SCHEME = "bearerAuth";
    static final String ADMIN_SCHEME = "adminToken";
    static final String SERVICE_EXTENSION = "x-tirelire-service";

    private static final String SCHEMAS_REF = "#/components/schemas/";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    /** The keys of a path item that are operations. */
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JoinedApiDocument() {}

    /**
     * @param partsByService each part's document, by the name of the process that answers it
     * @param answeredBehindBreaker the parts that the gateway reaches through a circuit breaker, and so may
     *     answer 503 for
     * @param rateLimited whether the gateway limits a {@code POST} to this path per client address
     */
    static ObjectNode join(
            Map<String, JsonNode> partsByService,
            Set<String> answeredBehindBreaker,
            java.util.function.Predicate<String> rateLimited,
            String version) {
        ObjectNode document = JSON.createObjectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Tirelire API");
        info.put("version", version);
        info.put(
                "description",
                "Campaigns, gifts, collection pages, regular gifts, receipts and webhooks of a Tirelire platform. "
                        + "Amounts are integer minor units (cents) with an ISO 4217 currency. A gift needs an "
                        + "Idempotency-Key header: the same key with the same body returns the same gift. Every "
                        + "refusal is an RFC 9457 problem document, and changes nothing.");
        document.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = document.putObject("paths");
        ObjectNode components = document.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        Map<String, ObjectNode> tags = new LinkedHashMap<>();

        partsByService.forEach((service, part) -> {
            JsonNode renamed = withoutSchemaClashes(part, schemas, service);
            renamed.path("components").path("schemas").properties().forEach(schema -> {
                if (!schemas.has(schema.getKey())) {
                    schemas.set(schema.getKey(), schema.getValue());
                }
            });
            renamed.path("paths").properties().forEach(path -> {
                ObjectNode item = paths.has(path.getKey())
                        ? (ObjectNode) paths.get(path.getKey())
                        : paths.putObject(path.getKey());
                path.getValue().properties().forEach(entry -> {
                    if (METHODS.contains(entry.getKey())) {
                        ObjectNode operation = (ObjectNode) entry.getValue();
                        operation.put(SERVICE_EXTENSION, service);
                        retag(operation, tags);
                        describeShared(
                                path.getKey(),
                                entry.getKey(),
                                operation,
                                answeredBehindBreaker.contains(service),
                                rateLimited.test(path.getKey())
                                        && entry.getKey().equals("post"));
                    }
                    item.set(entry.getKey(), entry.getValue());
                });
            });
        });
        ArrayNode tagList = document.putArray("tags");
        tags.values().forEach(tagList::add);
        schemas.set("Problem", problemSchema());
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject(BEARER_SCHEME)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An organiser's access token, from POST /api/auth/login.");
        security.putObject(ADMIN_SCHEME)
                .put("type", "apiKey")
                .put("in", "header")
                .put("name", "X-Admin-Token")
                .put("description", "The platform administrator's token (TIRELIRE_ADMIN_TOKEN).");
        return document;
    }

    /**
     * springdoc tags an operation with its controller's name ({@code donation-controller}); a reader looks
     * for "Donation". Each tag is listed once, in the order met.
     */
    private static void retag(ObjectNode operation, Map<String, ObjectNode> tags) {
        if (!(operation.path("tags") instanceof ArrayNode operationTags)) {
            return;
        }
        for (int i = 0; i < operationTags.size(); i++) {
            String controller = operationTags.get(i).asString().replaceFirst("-controller$", "");
            String name = Character.toUpperCase(controller.charAt(0))
                    + controller.substring(1).replace('-', ' ');
            operationTags.set(i, StringNode.valueOf(name));
            tags.computeIfAbsent(name, n -> JSON.createObjectNode().put("name", n));
        }
    }

    /**
     * A part may name a schema as another part does for a different shape (two services' own views of a
     * campaign, say): the later one is renamed after its service, with every reference to it.
     */
    private static JsonNode withoutSchemaClashes(JsonNode part, ObjectNode schemasSoFar, String service) {
        Map<String, String> renames = new LinkedHashMap<>();
        part.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode known = schemasSoFar.get(schema.getKey());
            if (known != null && !known.equals(schema.getValue())) {
                renames.put(schema.getKey(), schema.getKey() + "_" + service.replace('-', '_'));
            }
        });
        if (renames.isEmpty()) {
            return part;
        }
        JsonNode copy = part.deepCopy();
        ObjectNode copiedSchemas = (ObjectNode) copy.path("components").path("schemas");
        renames.forEach((from, to) -> copiedSchemas.set(to, copiedSchemas.remove(from)));
        renameReferences(copy, renames);
        return copy;
    }

    private static void renameReferences(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMAS_REF)) {
                String name = ref.asString().substring(SCHEMAS_REF.length());
                if (renames.containsKey(name)) {
                    object.set("$ref", StringNode.valueOf(SCHEMAS_REF + renames.get(name)));
                }
            }
            object.values().forEach(child -> renameReferences(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(child -> renameReferences(child, renames));
        }
    }

    /**
     * The security an operation needs, from the header it reads a token from, and the problems it can
     * answer: 400 when it takes any input, 401 and 403 when it needs a token, 404 when its path names
     * something, 429 when the gateway limits it, 503 when a circuit breaker stands in front of it.
     */
    private static void describeShared(
            String path, String method, ObjectNode operation, boolean behindBreaker, boolean rateLimited) {
        if (operation.path("parameters") instanceof ArrayNode parameters) {
            for (int i = parameters.size() - 1; i >= 0; i--) {
                JsonNode parameter = parameters.get(i);
                if (!"header".equals(parameter.path("in").asString())) {
                    continue;
                }
                String header = parameter.path("name").asString();
                if (header.equalsIgnoreCase("Authorization")) {
                    parameters.remove(i);
                    requireSecurity(operation, BEARER_SCHEME);
                } else if (header.equalsIgnoreCase("X-Admin-Token")) {
                    parameters.remove(i);
                    requireSecurity(operation, ADMIN_SCHEME);
                }
            }
            if (parameters.isEmpty()) {
                operation.remove("parameters");
            }
        }
        ObjectNode responses =
                operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        boolean takesInput = operation.has("requestBody") || operation.has("parameters");
        boolean secured = operation.has("security");
        List<Integer> statuses = new ArrayList<>();
        if (takesInput) {
            statuses.add(400);
        }
        if (secured) {
            statuses.add(401);
            statuses.add(403);
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (rateLimited) {
            statuses.add(429);
        }
        if (behindBreaker) {
            statuses.add(503);
        }
        for (int status : statuses) {
            if (!responses.has(Integer.toString(status))) {
                responses.set(Integer.toString(status), problemResponse(status));
            }
        }
        // A refusal a part describes itself (409 for a closed campaign, say) has the same problem shape.
        responses.properties().forEach(response -> {
            JsonNode problem = response.getValue().path("content").path(PROBLEM_MEDIA_TYPE);
            if (problem instanceof ObjectNode described && !described.has("schema")) {
                described.putObject("schema").put("$ref", SCHEMAS_REF + "Problem");
            }
        });
    }

    private static void requireSecurity(ObjectNode operation, String scheme) {
        ArrayNode security =
                operation.has("security") ? (ArrayNode) operation.get("security") : operation.putArray("security");
        for (JsonNode requirement : security) {
            if (requirement.has(scheme)) {
                return;
            }
        }
        security.addObject().putArray(scheme);
    }

    private static ObjectNode problemResponse(int status) {
        ProblemExample example = ProblemExample.of(status);
        ObjectNode response = JSON.createObjectNode();
        response.put("description", example.description());
        ObjectNode content = response.putObject("content").putObject(PROBLEM_MEDIA_TYPE);
        content.putObject("schema").put("$ref", SCHEMAS_REF + "Problem");
        ObjectNode sample = content.putObject("example");
        sample.put("type", "about:blank");
        sample.put("title", example.title());
        sample.put("status", status);
        sample.put("detail", example.detail());
        if (status == 400) {
            sample.putArray("errors")
                    .addObject()
                    .put("field", "donor.email")
                    .put("message", "must be a well-formed email address");
        }
        if (status == 429 || status == 503) {
            response.putObject("headers")
                    .putObject("Retry-After")
                    .put("description", "Seconds to wait before trying again")
                    .putObject("schema")
                    .put("type", "integer");
        }
        return response;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details: what was refused and why. Nothing was changed.");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri-reference");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string").put("format", "uri-reference");
        ObjectNode error = properties.putObject("errors").put("type", "array").putObject("items");
        error.put("type", "object");
        error.put("description", "One field that was refused, and why");
        ObjectNode errorFields = error.putObject("properties");
        errorFields.putObject("field").put("type", "string");
        errorFields.putObject("message").put("type", "string");
        schema.putArray("required").add("title").add("status");
        return schema;
    }

    /** What each shared problem response says, and the problem it shows as its example. */
    private record ProblemExample(String description, String title, String detail) {

        static ProblemExample of(int status) {
            return switch (status) {
                case 400 ->
                    new ProblemExample(
                            "The request is malformed or a field is invalid: each one is named in errors",
                            "Bad Request",
                            "Some fields are invalid.");
                case 401 ->
                    new ProblemExample(
                            "No valid token was given",
                            "Unauthorized",
                            "Sign in first: this needs an organiser's access token.");
                case 403 ->
                    new ProblemExample(
                            "The token does not allow this (another organisation's data, or a role without the right)",
                            "Forbidden",
                            "Your role does not allow this action.");
                case 404 ->
                    new ProblemExample(
                            "Nothing with this identifier, or nothing the caller may see",
                            "Not Found",
                            "No such campaign.");
                case 429 ->
                    new ProblemExample(
                            "Too many of these from the caller's address: wait for Retry-After",
                            "Too many requests",
                            "Too many donations from your address: please wait 2 s and try again.");
                case 503 ->
                    new ProblemExample(
                            "The service behind this is unavailable for now; nothing was changed",
                            "Service unavailable",
                            "Donations are unavailable at the moment. Nothing was changed; please try again in a minute.");
                default -> throw new IllegalArgumentException("no shared problem for " + status);
            };
        }
    }
}
