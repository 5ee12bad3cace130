package org.tirelire.kit.web;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Readable, unique slugs for share links: "Rénovons la péniche !" becomes {@code renovons-la-peniche}. */
public final class Slugs {

    private static final int MAX_LENGTH = 60;
    private static final String SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {}

    /** The slug of {@code title}, with a short random suffix while {@code taken} says it is used. */
    public static String unique(String title, String fallback, Predicate<String> taken) {
        String base = slugify(title, fallback);
        String candidate = base;
        while (taken.test(candidate)) {
            candidate = base + "-" + randomSuffix();
        }
        return candidate;
    }

    public static String slugify(String title, String fallback) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
