package org.tirelire.web.page;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a visitor came from, carried from the campaign page to the giving form and kept with the gift: the
 * collection page ({@code ?ref=}), so that the gift counts toward it, and the UTM tags of the link
 * ({@code utm_source}, {@code utm_medium}, {@code utm_campaign}), so that the association sees which
 * newsletter or post brought it. Anything typed into the link that does not look like a slug or a tag is
 * dropped rather than refused: the visitor cannot fix a link someone else wrote.
 */
public record Referral(
        @Nullable String fundraiser,
        @Nullable String utmSource,
        @Nullable String utmMedium,
        @Nullable String utmCampaign) {

    public static final Referral NONE = new Referral(null, null, null, null);

    public Referral {
        fundraiser = validSlug(fundraiser);
        utmSource = validTag(utmSource);
        utmMedium = validTag(utmMedium);
        utmCampaign = validTag(utmCampaign);
    }

    /** The referral in a page's query parameters. */
    public static Referral of(MultiValueMap<String, String> query) {
        return new Referral(
                query.getFirst("ref"),
                query.getFirst("utm_source"),
                query.getFirst("utm_medium"),
                query.getFirst("utm_campaign"));
    }

    /** The slug when it looks like one; anything else typed into the link is dropped. */
    public static @Nullable String validSlug(@Nullable String slug) {
        return slug != null && slug.matches("[a-z0-9-]{1,80}") ? slug : null;
    }

    /** A UTM tag as analytics tools write them; anything else is dropped. */
    public static @Nullable String validTag(@Nullable String tag) {
        return tag != null && tag.matches("[A-Za-z0-9._~-]{1,80}") ? tag : null;
    }

    public boolean tagged() {
        return utmSource != null || utmMedium != null || utmCampaign != null;
    }

    /** The giving form of a campaign, for a reward or none, with the same referral. */
    public String giveLink(String campaignSlug, @Nullable String rewardId) {
        return withQuery(UriComponentsBuilder.fromPath("/campaigns/{slug}/give"))
                .queryParamIfPresent("reward", java.util.Optional.ofNullable(rewardId))
                .buildAndExpand(campaignSlug)
                .encode()
                .toUriString();
    }

    /** The campaign page, with the same referral (the giving form's way back). */
    public String campaignLink(String campaignSlug) {
        return withQuery(UriComponentsBuilder.fromPath("/campaigns/{slug}"))
                .buildAndExpand(campaignSlug)
                .encode()
                .toUriString();
    }

    private UriComponentsBuilder withQuery(UriComponentsBuilder link) {
        add(link, "ref", fundraiser);
        add(link, "utm_source", utmSource);
        add(link, "utm_medium", utmMedium);
        add(link, "utm_campaign", utmCampaign);
        return link;
    }

    private static void add(UriComponentsBuilder link, String name, @Nullable String value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }
}
