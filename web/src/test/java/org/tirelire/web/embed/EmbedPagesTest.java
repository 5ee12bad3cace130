package org.tirelire.web.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.web.page.PagePolicy;

class EmbedPagesTest {

    private final EmbedPages pages = new EmbedPages(null, null, "https://dons.example.org");

    @Test
    void a_widget_may_be_framed_by_the_organisation_s_sites_and_by_nothing_else() {
        assertThat(PagePolicy.framedBy(List.of("https://asso.example.org")))
                .endsWith("frame-ancestors 'self' https://asso.example.org")
                .contains("default-src 'self'");
        assertThat(PagePolicy.framedBy(List.of())).endsWith("frame-ancestors 'self'");
    }

    @Test
    void only_a_six_digit_colour_reaches_the_theme() {
        assertThat(EmbedPages.colour("#AA3300")).contains("aa3300");
        assertThat(EmbedPages.colour("0b5e5e")).contains("0b5e5e");
        assertThat(EmbedPages.colour("red;}body{display:none")).isEmpty();
        assertThat(EmbedPages.colour(null)).isEmpty();
    }

    @Test
    void oembed_answers_for_this_platform_s_campaign_pages_only() {
        assertThat(pages.campaignSlug("https://dons.example.org/campaigns/velos-pour-l-ecole"))
                .contains("velos-pour-l-ecole");
        assertThat(pages.campaignSlug("https://ailleurs.example.org/campaigns/velos"))
                .isEmpty();
        assertThat(pages.campaignSlug("https://dons.example.org/organiser")).isEmpty();
        assertThat(pages.campaignSlug("not a url at all")).isEmpty();
    }

    @Test
    void the_iframe_a_cms_pastes_escapes_the_title() {
        assertThat(EmbedPages.iframe("https://dons.example.org/embed/campaigns/x/progress", "\"><script>", 420, 210))
                .contains("title=\"&quot;&gt;&lt;script&gt;\"")
                .doesNotContain("<script>");
    }
}
