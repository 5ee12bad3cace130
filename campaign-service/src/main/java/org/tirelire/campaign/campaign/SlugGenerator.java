package org.tirelire.campaign.campaign;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Readable, unique slugs for share links: "Rénovons la péniche !" becomes {@code renovons-la-peniche}. */
@Component
public class SlugGenerator {

    private static final int MAX_LENGTH = 60;
    private static final String SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();
    private final CampaignRepository campaigns;

    SlugGenerator(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public String uniqueSlugFor(String title) {
        String base = slugify(title);
        String candidate = base;
        while (campaigns.existsBySlug(candidate)) {
            candidate = base + "-" + randomSuffix();
        }
        return candidate;
    }

    static String slugify(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "campagne" : slug;
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
