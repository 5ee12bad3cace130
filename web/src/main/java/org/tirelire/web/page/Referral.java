package org.tirelire.web.page;

import org.jspecify.annotations.Nullable;

/** The collection page a visitor came from ({@code ?ref=} on a campaign's links), so their gift counts toward it. */
public final class Referral {

    private Referral() {}

    /** The slug when it looks like one; anything else typed into the link is dropped. */
    public static @Nullable String validSlug(@Nullable String slug) {
        return slug != null && slug.matches("[a-z0-9-]{1,80}") ? slug : null;
    }
}
