package org.tirelire.donation.donation;

import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A postal address as a tax receipt prints it (the donor's, or the organisation's). As typed it may be
 * incomplete: {@link #problems} says what is missing, by field, and {@link #normalised} tidies what will do.
 *
 * @param country ISO 3166 two-letter code; France when left out
 */
public record PostalAddress(
        @Size(max = 120) @Nullable String line1,
        @Size(max = 120) @Nullable String line2,
        @Size(max = 12) @Nullable String postalCode,
        @Size(max = 80) @Nullable String city,
        @Size(max = 2) @Nullable String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** What is missing or wrong, each named as {@code prefix.field}; empty when the address will do. */
    public Map<String, String> problems(String prefix) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(line1)) {
            problems.put(prefix + ".line1", "Give the street address");
        }
        String country = countryCode();
        if (blank(postalCode)) {
            problems.put(prefix + ".postalCode", "Give the postal code");
        } else if ("FR".equals(country) && !postalCode.strip().matches("\\d{5}")) {
            problems.put(prefix + ".postalCode", "A French postal code has five digits");
        } else if (!postalCode.strip().matches("[A-Za-z0-9][A-Za-z0-9 -]{1,11}")) {
            problems.put(prefix + ".postalCode", "Give a postal code of letters and digits");
        }
        if (blank(city)) {
            problems.put(prefix + ".city", "Give the town or city");
        }
        if (!COUNTRIES.contains(country)) {
            problems.put(prefix + ".country", "Give the country as its ISO code, such as FR or BE");
        }
        return problems;
    }

    /** The address stripped, the country in capitals; call once {@link #problems} is empty. */
    public PostalAddress normalised() {
        return new PostalAddress(
                line1.strip(), blank(line2) ? null : line2.strip(), postalCode.strip(), city.strip(), countryCode());
    }

    /** The lines of an envelope: street, complement, postal code and town, and the country when not France. */
    public java.util.List<String> lines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(line1);
        if (line2 != null) {
            lines.add(line2);
        }
        lines.add(postalCode + " " + city);
        if (!"FR".equals(country)) {
            lines.add(new Locale("", country).getDisplayCountry(Locale.FRANCE));
        }
        return lines;
    }

    private String countryCode() {
        return blank(country) ? "FR" : country.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
