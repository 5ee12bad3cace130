package org.tirelire.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryRendererTest {

    @Test
    void markdown_becomes_html() {
        assertThat(StoryRenderer.toSafeHtml("## Notre projet\n\nUne **péniche**-école."))
                .contains("<h2>Notre projet</h2>")
                .contains("<strong>péniche</strong>");
    }

    @Test
    void html_an_organiser_types_is_shown_as_text_not_run() {
        String html = StoryRenderer.toSafeHtml("<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>");

        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void a_javascript_link_is_neutralised() {
        assertThat(StoryRenderer.toSafeHtml("[clic](javascript:alert(1))")).doesNotContain("javascript:");
    }
}
