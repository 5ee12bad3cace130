package org.tirelire.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugGeneratorTest {

    @Test
    void a_french_title_becomes_a_readable_ascii_slug() {
        assertThat(SlugGenerator.slugify("Rénovons la péniche-école !")).isEqualTo("renovons-la-peniche-ecole");
    }

    @Test
    void a_title_with_nothing_readable_still_gets_a_slug() {
        assertThat(SlugGenerator.slugify("!!! ???")).isEqualTo("campagne");
    }

    @Test
    void a_long_title_is_cut_without_a_trailing_hyphen() {
        assertThat(SlugGenerator.slugify("a ".repeat(80)))
                .hasSizeLessThanOrEqualTo(60)
                .doesNotEndWith("-");
    }
}
