package org.tirelire.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.kit.web.MoneyInput;

/**
 * A sponsor's pledge as the organiser enters it: "La Boulangerie Martin doubles every gift (ratio 1), up to
 * 500 €, until 22:00".
 *
 * @param ratio what the sponsor gives per euro given: 1 doubles each gift, 2 triples it, 3 quadruples it
 * @param startsAt when the match opens; now when absent or past
 * @param minimumGift the smallest gift the sponsor matches; every gift when absent
 */
public record CreateMatchRequest(
        @NotBlank @Size(max = 100) String sponsor,
        @NotNull @Min(1) @Max(3) Integer ratio,
        @NotNull @Valid MoneyInput cap,
        @Nullable Instant startsAt,
        @NotNull @Future Instant endsAt,
        @Valid @Nullable MoneyInput minimumGift) {}
