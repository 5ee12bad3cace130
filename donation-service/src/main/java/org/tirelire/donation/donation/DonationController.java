package org.tirelire.donation.donation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.http.Shed;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.kit.security.Organiser;

@RestController
@RequestMapping("/api/donations")
@Validated
class DonationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RecordDonation recordDonation;
    private final DonationLifecycle lifecycle;
    private final DonationRepository donations;
    private final GiftReceipts receipts;
    private final RecurringGifts recurring;

    DonationController(
            RecordDonation recordDonation,
            DonationLifecycle lifecycle,
            DonationRepository donations,
            GiftReceipts receipts,
            RecurringGifts recurring) {
        this.recordDonation = recordDonation;
        this.lifecycle = lifecycle;
        this.donations = donations;
        this.receipts = receipts;
        this.recurring = recurring;
    }

    private static final String GIFT_EXAMPLE = """
            {"campaignId": "0f6b1c2e-5d4a-4c8e-9b7a-2f1e3d4c5b6a",
             "amount": {"amount": 2500, "currency": "EUR"},
             "donor": {"firstName": "Camille", "lastName": "Martin", "email": "camille@example.org"},
             "message": "Bon courage !", "paymentMethod": "pm_sandbox_ok"}""";

    /** The same key and body answer the same donation, again with 201, marked {@code Idempotent-Replayed}. */
    @PostMapping
    @Operation(
            summary = "Give to a campaign",
            description = "Records the gift and starts its payment: follow nextAction when there is one (the"
                    + " provider's page). paymentMethod is one of GET /api/payments/methods?campaignId=….")
    @ApiResponse(
            responseCode = "201",
            description = "The gift, recorded; for a repeated key and body, the same gift again, marked"
                    + " Idempotent-Replayed: true",
            content = @Content(schema = @Schema(implementation = DonationView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The campaign is not LIVE, or the reward is sold out",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used with another body, or the amount or currency is refused",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "503",
            description = "With " + Shed.HEADER + ": " + Shed.VALUE + ", many people are giving, or the campaign"
                    + " opened a moment ago and this service has not heard of it yet, and this gift was not"
                    + " stored (ADR 39, 49): send the same request, with the same Idempotency-Key, after"
                    + " Retry-After. Without it, donations are unavailable for now and nothing was changed.",
            headers = {
                @Header(
                        name = HttpHeaders.RETRY_AFTER,
                        description = "Seconds to wait before sending the gift again",
                        schema = @Schema(type = "integer")),
                @Header(
                        name = Shed.HEADER,
                        description = "\"" + Shed.VALUE + "\" when the gift was shed, absent otherwise",
                        schema = @Schema(type = "string"))
            },
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DonationView> give(
            @RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 255) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples = @ExampleObject(name = "A gift of 25 EUR", value = GIFT_EXAMPLE)))
                    @Valid
                    @RequestBody
                    DonationRequest request) {
        RecordDonation.Recorded recorded = recordDonation.give(idempotencyKey, request);
        return ResponseEntity.created(
                        URI.create("/api/donations/" + recorded.donation().id()))
                .header("Idempotent-Replayed", String.valueOf(!recorded.firstTime()))
                .body(DonationView.of(recorded.donation(), receipts, recurring));
    }

    @GetMapping("/{id}")
    DonationView get(@PathVariable String id) {
        return donations
                .findById(id)
                .map(donation -> DonationView.of(donation, receipts, recurring))
                .orElseThrow(() -> new DonationNotFound(id));
    }

    /**
     * A donor asked the organisation to erase their personal data (GDPR article 17): every gift they made
     * to its campaigns keeps its amount and loses its name, email and message, here and in notification-service.
     */
    @PostMapping("/erasures")
    ErasureResult eraseDonor(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ErasureRequest request) {
        return new ErasureResult(
                lifecycle.eraseDonor(Organiser.from(token).permittedTo(Capability.ERASE_DONORS), request.email()));
    }

    record ErasureRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record ErasureResult(int erasedDonations) {}

    /** The donor's message leaves the public wall; the gift, its amount and its donor's name stay. */
    @PostMapping("/{id}/message/hide")
    OrganiserDonationView hideMessage(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return OrganiserDonationView.of(lifecycle.hideMessage(
                DonationId.of(id), Organiser.from(token).permittedTo(Capability.MODERATE_MESSAGES)));
    }

    /** A message held for a word, or hidden, shows on the public wall again. */
    @PostMapping("/{id}/message/show")
    OrganiserDonationView showMessage(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return OrganiserDonationView.of(lifecycle.showMessage(
                DonationId.of(id), Organiser.from(token).permittedTo(Capability.MODERATE_MESSAGES)));
    }

    @PostMapping("/{id}/refund")
    DonationView refund(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return DonationView.of(
                lifecycle.refund(DonationId.of(id), Organiser.from(token).permittedTo(Capability.REFUND_GIFTS)));
    }
}
