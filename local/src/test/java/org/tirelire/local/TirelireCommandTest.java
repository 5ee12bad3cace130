package org.tirelire.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code ./tirelire up --demo} adds to the services' environment: the test clock, unless told otherwise. */
class TirelireCommandTest {

    @Test
    void the_demo_turns_the_test_clock_on_with_an_admin_token_of_its_own() {
        Map<String, String> environment = new HashMap<>();

        String token = TirelireCommand.demoTestClock(environment);

        assertThat(environment).containsEntry("TIRELIRE_TEST_CLOCK_ENABLED", "true");
        assertThat(token).hasSize(32).isEqualTo(environment.get("TIRELIRE_ADMIN_TOKEN"));
        assertThat(TirelireCommand.demoTestClock(new HashMap<>())).isNotEqualTo(token);
    }

    @Test
    void a_token_or_a_switched_off_clock_the_user_set_is_kept() {
        Map<String, String> own = new HashMap<>(Map.of("TIRELIRE_ADMIN_TOKEN", "my-token"));
        assertThat(TirelireCommand.demoTestClock(own)).isEqualTo("my-token");

        Map<String, String> off = new HashMap<>(Map.of("TIRELIRE_TEST_CLOCK_ENABLED", "false"));
        assertThat(TirelireCommand.demoTestClock(off)).isNull();
        assertThat(off).doesNotContainKey("TIRELIRE_ADMIN_TOKEN");
    }
}
