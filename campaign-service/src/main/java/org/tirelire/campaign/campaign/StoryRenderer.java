package org.tirelire.campaign.campaign;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a campaign's story, written in Markdown by the organiser, into HTML that is safe to show:
 * raw HTML in the text is escaped, not passed through, and links with unsafe schemes
 * ({@code javascript:} and the like) are neutralised.
 */
public final class StoryRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private StoryRenderer() {}

    public static @Nullable String toSafeHtml(@Nullable String markdown) {
        return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
    }
}
