package org.tirelire.donation.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageModerationTest {

    private static final List<String> HELD = List.of("arnaque", "06");

    @Test
    void a_held_word_is_found_whatever_its_case_accents_and_punctuation() {
        assertThat(MessageModeration.heldFor(HELD, "Quelle ARNAQUÉ !")).contains("arnaque");
        assertThat(MessageModeration.heldFor(HELD, "Appelez le 06, vite")).contains("06");
    }

    @Test
    void only_whole_words_hold_a_message() {
        assertThat(MessageModeration.heldFor(HELD, "Les arnaqueurs n'auront pas la péniche"))
                .isEmpty();
        assertThat(MessageModeration.heldFor(HELD, "Bravo pour ce beau projet")).isEmpty();
    }
}
