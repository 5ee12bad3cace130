package org.tirelire.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void a_campaign_title_as_the_label_is_text_never_markup() {
        String svg = QrCodes.svg(
                "https://dons.example.org/campaigns/gala/give", 176, "Gala \"><meta http-equiv=refresh content=0>");

        assertThat(svg)
                .startsWith("<svg ")
                .contains("aria-label=\"Gala &quot;&gt;&lt;meta http-equiv=refresh content=0&gt;\"")
                .doesNotContain("<meta");
    }
}
