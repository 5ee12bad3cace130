package org.tirelire.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tirelire.kit.web.Slugs;

class SlugsTest {

    @Test
    void a_french_title_becomes_a_readable_ascii_slug() {
        assertThat(Slugs.slugify("Rénovons la péniche-école !", "x")).isEqualTo("renovons-la-peniche-ecole");
    }

    @Test
    void a_title_with_nothing_readable_still_gets_a_slug() {
        assertThat(Slugs.slugify("!!! ???", "campagne")).isEqualTo("campagne");
    }

    @Test
    void a_long_title_is_cut_without_a_trailing_hyphen() {
        assertThat(Slugs.slugify("a ".repeat(80), "x"))
                .hasSizeLessThanOrEqualTo(60)
                .doesNotEndWith("-");
    }

    @Test
    void a_taken_slug_gets_a_suffix() {
        Set<String> taken = Set.of("peniche");

        assertThat(Slugs.unique("Péniche", "x", taken::contains))
                .startsWith("peniche-")
                .hasSize("peniche-".length() + 5);
    }
}
