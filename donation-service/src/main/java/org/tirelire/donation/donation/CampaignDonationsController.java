package org.tirelire.donation.donation;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.CampaignSnapshots;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.web.FrenchCsv;

/** A campaign's donations: the organiser's list and CSV export, offline gifts, and the public supporters wall. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class CampaignDonationsController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int SUPPORTERS_SHOWN = 20;
    private static final int CSV_MAX_ROWS = 100_000;
    /** Days of the insights are the association's days, as on its pages and exports. */
    private static final ZoneId ASSOCIATION_TIME_ZONE = ZoneId.of("Europe/Paris");

    private final DonationRepository donations;
    private final CampaignSnapshots campaigns;
    private final DonationLifecycle lifecycle;
    private final DonationSearch search;
    private final AuditTrail auditTrail;
    private final GiftReceipts receipts;
    private final Clock clock;

    CampaignDonationsController(
            DonationRepository donations,
            CampaignSnapshots campaigns,
            DonationLifecycle lifecycle,
            DonationSearch search,
            AuditTrail auditTrail,
            GiftReceipts receipts,
            Clock clock) {
        this.receipts = receipts;
        this.donations = donations;
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.search = search;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @GetMapping(path = "/donations", produces = MediaType.APPLICATION_JSON_VALUE)
    DonationPage list(
            @PathVariable String campaignId,
            @AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) DonationStatus status,
            @RequestParam(required = false) String fundraiser,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        ownCampaign(campaignId, token, Capability.SEE_DONATIONS);
        Page<Donation> found = search.find(
                campaignId,
                new DonationSearch.Filter(status, fundraiser, from, to),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE)));
        return new DonationPage(
                found.map(OrganiserDonationView::of).getContent(),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements());
    }

    /**
     * Opens as columns in French Excel (UTF-8 with BOM, {@code ;}) and in LibreOffice; narrowed like the list.
     * Donors' data leaves the platform here: the organisation's audit log says who took it.
     */
    @GetMapping(path = "/donations", produces = "text/csv")
    ResponseEntity<byte[]> exportCsv(
            @PathVariable String campaignId,
            @AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) DonationStatus status,
            @RequestParam(required = false) String fundraiser,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        CampaignSnapshot campaign = ownCampaign(campaignId, token, Capability.SEE_DONATIONS);
        List<Donation> found = search.find(
                        campaignId,
                        new DonationSearch.Filter(status, fundraiser, from, to),
                        PageRequest.of(0, CSV_MAX_ROWS))
                .getContent();
        auditTrail.report(
                Organiser.from(token),
                AuditAction.DONATIONS_EXPORTED,
                "donations of \"" + campaign.title() + "\" as CSV, " + found.size() + " row(s)");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dons-" + campaignId + ".csv\"")
                .body(DonationCsv.write(found));
    }

    /** What the organiser learns from the campaign's confirmed gifts ({@link CampaignInsights}). */
    @GetMapping(path = "/insights", produces = MediaType.APPLICATION_JSON_VALUE)
    CampaignInsights insights(@PathVariable String campaignId, @AuthenticationPrincipal Jwt token) {
        CampaignSnapshot campaign = ownCampaign(campaignId, token, Capability.SEE_DONATIONS);
        return CampaignInsights.of(
                campaignId,
                campaign.currency(),
                donations.findByCampaignIdAndStatus(campaignId, DonationStatus.CONFIRMED),
                ASSOCIATION_TIME_ZONE);
    }

    /** The same figures day by day, for a spreadsheet (French Excel, like the donations' export). */
    @GetMapping(path = "/insights", produces = "text/csv")
    ResponseEntity<byte[]> insightsCsv(@PathVariable String campaignId, @AuthenticationPrincipal Jwt token) {
        CampaignInsights insights = insights(campaignId, token);
        List<List<String>> rows = insights.days().stream()
                .map(day -> List.of(
                        day.date().toString(),
                        String.valueOf(day.gifts()),
                        FrenchCsv.decimal(day.amount().amount()),
                        FrenchCsv.decimal(day.cumulative().amount()),
                        day.amount().currency()))
                .toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicateurs-" + campaignId + ".csv\"")
                .body(FrenchCsv.write(List.of("Jour", "Dons", "Montant", "Cumul", "Devise"), rows));
    }

    @PostMapping("/offline-donations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganiserDonationView recordOffline(
            @PathVariable String campaignId,
            @AuthenticationPrincipal Jwt token,
            @Valid @RequestBody OfflineDonationRequest request) {
        CampaignSnapshot campaign = ownCampaign(campaignId, token, Capability.RECORD_OFFLINE_GIFTS);
        if (!request.amount().currency().equals(campaign.currency())) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount.currency",
                    "This campaign collects in " + campaign.currency() + ", not "
                            + request.amount().currency());
        }
        PostalAddress receiptAddress = request.receipt() == null
                ? null
                : request.receipt().checkedAddress(campaign.organisationId(), receipts);
        if (receiptAddress != null
                && (request.donor() == null
                        || request.donor().lastName() == null
                        || request.donor().lastName().isBlank())) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "donor.lastName",
                    "A tax receipt is made out to a named donor: give their first and last names");
        }
        if (request.sponsorMatch() != null
                && donations.existsByCampaignIdAndSponsorMatchAndStatus(
                        campaignId, request.sponsorMatch(), DonationStatus.CONFIRMED)) {
            throw new DonationRefused(
                    HttpStatus.CONFLICT, "sponsorMatch", "This sponsor's pledge is already recorded as paid");
        }
        Donation gift = Donation.offline(
                UUID.randomUUID().toString(),
                campaignId,
                campaign.organisationId(),
                request.amount().toMoney(),
                request.donor() == null ? null : request.donor().toDonor(),
                request.method(),
                request.sponsorMatch(),
                receiptAddress,
                clock.instant());
        return OrganiserDonationView.of(lifecycle.record(gift));
    }

    /** What anyone may see: who gave (or "Anonymous"), how much, and their message. Never an email. */
    @GetMapping("/supporters")
    List<SupporterView> supporters(@PathVariable String campaignId) {
        return donations
                .findByCampaignIdAndStatusOrderByConfirmedAtDesc(
                        campaignId, DonationStatus.CONFIRMED, PageRequest.of(0, SUPPORTERS_SHOWN))
                .stream()
                .map(SupporterView::of)
                .toList();
    }

    /**
     * The campaign, or the general fund, when it is the organiser's organisation's and their role allows the
     * action.
     */
    private CampaignSnapshot ownCampaign(String campaignId, Jwt token, Capability action) {
        String organisationId = Organiser.from(token).permittedTo(action).organisationId();
        CampaignSnapshot campaign = GeneralFund.is(campaignId)
                ? CampaignSnapshot.generalFundOf(GeneralFund.organisationOf(campaignId))
                : campaigns.findById(campaignId).orElseThrow(() -> new CampaignUnknown(campaignId));
        if (!campaign.organisationId().equals(organisationId)) {
            throw new CampaignNotOwned(campaignId);
        }
        return campaign;
    }

    record DonationPage(List<OrganiserDonationView> content, int page, int size, long totalElements) {}
}
