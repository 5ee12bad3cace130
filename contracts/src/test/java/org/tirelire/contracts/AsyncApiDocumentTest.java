package org.tirelire.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventTypes;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.events.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml, the AsyncAPI 3 description integrators read, held against the code that produces
 * and reads the events: its channels are the topics of {@link Topics}, its messages the types of {@link
 * EventTypes}, each message's data the fields of its record (names, which are required, JSON types), and
 * each type on the topic the services' settings send it to.
 */
@SuppressWarnings("unchecked")
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SCHEMAS = "#/components/schemas/";

    private static Map<String, Object> document;
    private static Map<String, Map<String, Object>> schemas;

    @BeforeAll
    static void read() throws IOException {
        document = new Yaml().load(Files.readString(ROOT.resolve("docs/asyncapi.yaml")));
        schemas = (Map<String, Map<String, Object>>) at(document, "components", "schemas");
    }

    @Test
    void its_channels_are_the_topics() throws IllegalAccessException {
        assertThat(String.valueOf(document.get("asyncapi"))).startsWith("3.");
        Set<String> topics = new LinkedHashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        Set<String> addresses = channels().values().stream()
                .map(channel -> (String) channel.get("address"))
                .collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void each_event_type_is_one_message_on_one_channel_whose_data_is_its_record() {
        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) at(document, "components", "messages");
        Map<String, String> messageByType = new HashMap<>();
        messages.forEach((name, message) -> messageByType.put(typeOf(message), name));

        EventTypes.all().forEach(entry -> {
            Class<? extends TirelireEvent> record = entry.getKey();
            String name = messageByType.get(entry.getValue());
            assertThat(name).as("a message for " + entry.getValue()).isNotNull();
            assertThat(channelsCarrying(name))
                    .as(name + " is on exactly one channel")
                    .hasSize(1);
            List<Object> parts = (List<Object>) at(messages.get(name), "payload", "allOf");
            String data = (String) at((Map<String, Object>) parts.get(1), "properties", "data", "$ref");
            assertThat(data).isEqualTo(SCHEMAS + record.getSimpleName());
            assertMatches(record.getSimpleName(), record);
        });
        assertThat(messages).hasSameSizeAs(EventTypes.all().toList());
    }

    @Test
    void the_envelope_is_the_cloud_event_record() {
        assertThat(((Map<String, Object>) schemas.get("CloudEvent").get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(CloudEvent.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
    }

    /** A type a service sends elsewhere than its default topic (its bindings-by-type) is on that channel. */
    @Test
    void each_type_a_service_routes_apart_is_on_the_topic_it_is_sent_to() throws IOException {
        int checked = 0;
        for (String service : List.of("campaign-service", "donation-service", "notification-service")) {
            Map<String, Object> settings =
                    new Yaml().load(Files.readString(ROOT.resolve(service + "/src/main/resources/application.yml")));
            Map<String, Object> bindings = (Map<String, Object>) at(settings, "spring", "cloud", "stream", "bindings");
            Map<String, Object> messaging = (Map<String, Object>) at(settings, "tirelire", "messaging");
            Map<String, String> apart = (Map<String, String>) messaging.getOrDefault("bindings-by-type", Map.of());
            for (Map.Entry<String, String> route : apart.entrySet()) {
                String type = route.getKey().replace("[", "").replace("]", "");
                String topic = (String) at(bindings, route.getValue(), "destination");
                String message = messageNamed(type);
                assertThat(channelsCarrying(message))
                        .as(type + " from " + service)
                        .singleElement()
                        .satisfies(channel -> assertThat(channels().get(channel).get("address"))
                                .isEqualTo(topic));
                checked++;
            }
            String defaultTopic = (String) at(bindings, (String) messaging.get("output-binding"), "destination");
            assertThat(channels().values())
                    .as(service + "'s default topic")
                    .anySatisfy(channel -> assertThat(channel.get("address")).isEqualTo(defaultTopic));
        }
        assertThat(checked).isPositive();
    }

    private static void assertMatches(String schemaName, Class<?> record) {
        Map<String, Object> schema = schemas.get(schemaName);
        assertThat(schema).as("schema " + schemaName).isNotNull();
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        RecordComponent[] components = record.getRecordComponents();
        assertThat(properties.keySet())
                .as(schemaName + "'s fields")
                .containsExactlyElementsOf(
                        Arrays.stream(components).map(RecordComponent::getName).toList());
        List<String> required = new ArrayList<>();
        for (RecordComponent component : components) {
            if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
            assertType(
                    schemaName + "." + component.getName(),
                    properties.get(component.getName()),
                    component.getGenericType());
        }
        assertThat((List<String>) schema.getOrDefault("required", List.of()))
                .as(schemaName + "'s required fields")
                .containsExactlyElementsOf(required);
    }

    private static void assertType(String what, Map<String, Object> property, Type javaType) {
        Map<String, Object> schema =
                property.containsKey("allOf") ? ((List<Map<String, Object>>) property.get("allOf")).get(0) : property;
        if (javaType instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(schema.get("type")).as(what).isEqualTo("array");
            assertType(what + "[]", (Map<String, Object>) schema.get("items"), list.getActualTypeArguments()[0]);
            return;
        }
        Class<?> type = (Class<?>) javaType;
        if (type == String.class) {
            assertThat(schema.get("type")).as(what).isEqualTo("string");
        } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            assertThat(schema.get("type")).as(what).isEqualTo("integer");
        } else if (type == boolean.class || type == Boolean.class) {
            assertThat(schema.get("type")).as(what).isEqualTo("boolean");
        } else if (type == Instant.class) {
            assertThat(schema).as(what).containsEntry("type", "string").containsEntry("format", "date-time");
        } else if (type.isEnum()) {
            Map<String, Object> named = schemas.get(refName(schema, what));
            assertThat((List<String>) named.get("enum"))
                    .as(what)
                    .containsExactlyElementsOf(Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .toList());
        } else if (type.isRecord()) {
            assertMatches(refName(schema, what), type);
        } else {
            assertThat(schema.get("type")).as(what).isEqualTo("object");
        }
    }

    private static String refName(Map<String, Object> schema, String what) {
        String ref = (String) schema.get("$ref");
        assertThat(ref).as(what + " names a schema").startsWith(SCHEMAS);
        return ref.substring(SCHEMAS.length());
    }

    private static String typeOf(Map<String, Object> message) {
        List<Object> parts = (List<Object>) at(message, "payload", "allOf");
        return String.valueOf(at((Map<String, Object>) parts.get(1), "properties", "type", "const"));
    }

    private static String messageNamed(String type) {
        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) at(document, "components", "messages");
        return messages.entrySet().stream()
                .filter(message -> typeOf(message.getValue()).equals(type))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message for " + type));
    }

    private static Map<String, Map<String, Object>> channels() {
        return (Map<String, Map<String, Object>>) document.get("channels");
    }

    private static List<String> channelsCarrying(String message) {
        return channels().entrySet().stream()
                .filter(channel -> ((Map<String, Object>) channel.getValue().get("messages")).containsKey(message))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Object at(Map<String, Object> map, String... path) {
        Object current = map;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
            assertThat(current).as(String.join(".", path)).isNotNull();
        }
        return current;
    }
}
