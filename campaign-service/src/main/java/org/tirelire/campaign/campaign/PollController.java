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
 * A live campaign's polls, where each gift votes with its amount. The tallies show in the campaign's progress
 * ({@code poll}), which the campaign page, the giving form and the stream overlay read.
 */
@RestController
class PollController {

    private final CampaignStore store;
    private final Clock clock;

    PollController(CampaignStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @PostMapping("/api/campaigns/{id}/polls")
    @ResponseStatus(HttpStatus.CREATED)
    ProgressView.PollView open(
            @PathVariable String id, @AuthenticationPrincipal Jwt token, @Valid @RequestBody OpenPollRequest request) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        Instant now = clock.instant();
        Poll opened = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            return campaign.openPoll(
                    request.question().strip(),
                    request.options().stream().map(String::strip).toList(),
                    now);
        });
        return ProgressView.PollView.of(opened);
    }

    /** Closing a poll already closed answers the same. */
    @PostMapping("/api/campaigns/{id}/polls/{pollId}/close")
    ProgressView.PollView close(
            @PathVariable String id, @PathVariable String pollId, @AuthenticationPrincipal Jwt token) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        Instant now = clock.instant();
        Poll closed = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            return campaign.closePoll(pollId, now);
        });
        return ProgressView.PollView.of(closed);
    }
}
