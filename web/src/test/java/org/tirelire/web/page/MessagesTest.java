package org.tirelire.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.access.AuditAction;

/** Every page reads in French and in English: no text is missing from either. */
class MessagesTest {

    @Test
    void french_and_english_have_the_same_texts() throws IOException {
        assertThat(messages("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        messages("messages.properties").stringPropertyNames());
    }

    @Test
    void every_action_of_the_audit_log_has_a_name_in_both_languages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            assertThat(messages(bundle).stringPropertyNames())
                    .as(bundle)
                    .containsAll(Arrays.stream(AuditAction.values())
                            .map(action -> "audit.action." + action)
                            .toList());
        }
    }

    private static Properties messages(String name) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = new InputStreamReader(
                MessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }
}
