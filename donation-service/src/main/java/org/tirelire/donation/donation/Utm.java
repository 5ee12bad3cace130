package org.tirelire.donation.donation;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The UTM parameters of the link a donor followed to the giving form ({@code utm_source}, {@code utm_medium},
 * {@code utm_campaign}), kept with the gift so that the association sees which newsletter, post or partner
 * brought it. Only the characters such tags are made of are taken; a part left out stays null.
 */
public record Utm(
        @Pattern(regexp = TAG, message = "must be a UTM tag (letters, digits, . _ ~ -)") @Nullable
        String source,

        @Pattern(regexp = TAG, message = "must be a UTM tag (letters, digits, . _ ~ -)") @Nullable
        String medium,

        @Pattern(regexp = TAG, message = "must be a UTM tag (letters, digits, . _ ~ -)") @Nullable
        String campaign) {

    static final String TAG = "[A-Za-z0-9._~-]{1,80}";

    /** Null when no part was given: a gift without tags keeps no empty record. */
    static @Nullable Utm orNull(@Nullable Utm utm) {
        return utm == null || (utm.source() == null && utm.medium() == null && utm.campaign() == null) ? null : utm;
    }
}
