package org.tirelire.campaign.campaign;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.kit.security.Organiser;

/**
 * Sponsors' matches of a campaign. What they matched shows in the campaign's progress ({@code matched},
 * {@code activeMatch}, {@code matches}), which is where donors and the live pages read it.
 */
@RestController
class MatchController {

    private final CampaignStore store;
    private final Clock clock;

    MatchController(CampaignStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping("/api/campaigns/{id}/matches")
    @ResponseStatus(HttpStatus.CREATED)
    ProgressView.MatchView add(
            @PathVariable String id,
            @AuthenticationPrincipal Jwt token,
            @Valid @RequestBody CreateMatchRequest request) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        Instant now = clock.instant();
        Match added = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            return campaign.addMatch(
                    request.sponsor().strip(),
                    request.ratio(),
                    request.cap().toMoney(),
                    request.startsAt(),
                    request.endsAt(),
                    request.minimumGift() == null ? null : request.minimumGift().toMoney(),
                    now);
        });
        return ProgressView.MatchView.of(added, now);
    }
}
