package org.tirelire.donation.subscription;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.kit.security.Organiser;

/** The treasurer's view of the organisation's recurring gifts: list, revenue, CSV, cancellation. */
@RestController
class OrganisationSubscriptionsController {

    private final OrganisationSubscriptions subscriptions;

    OrganisationSubscriptionsController(OrganisationSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping(value = "/api/organisations/me/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    OrganisationSubscriptions.Overview list(
            @AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "EUR") String currency) {
        return subscriptions.overview(
                Organiser.from(token).permittedTo(Capability.SEE_DONATIONS).organisationId(), currency);
    }

    @GetMapping(value = "/api/organisations/me/subscriptions", produces = "text/csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal Jwt token) {
        byte[] csv = subscriptions.csv(Organiser.from(token).permittedTo(Capability.SEE_DONATIONS));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"dons-reguliers.csv\"")
                .body(csv);
    }

    @PostMapping("/api/organisations/me/subscriptions/{id}/cancel")
    OrganisationSubscriptions.Line cancel(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return subscriptions.cancel(Organiser.from(token).permittedTo(Capability.REFUND_GIFTS), id);
    }
}
