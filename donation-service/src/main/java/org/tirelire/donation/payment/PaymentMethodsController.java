package org.tirelire.donation.payment;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.CampaignSnapshots;

/**
 * {@code GET /api/payments/methods?campaignId=}: the payment methods a donor may name in
 * {@code paymentMethod} for a gift to this campaign, the provider of its organisation, and whether it is
 * the sandbox, where no money moves (giving pages say so). Without a known campaign: the sandbox's.
 */
@RestController
class PaymentMethodsController {

    /** @param recurring whether the provider takes monthly and yearly gifts, which the giving form then offers */
    record PaymentMethods(String provider, boolean sandbox, List<String> methods, boolean recurring) {}

    /** The method a giving form offers by default comes first: the sandbox's succeeding one, or a card. */
    private static final Comparator<String> USUAL_FIRST = Comparator.comparing(
                    (String method) -> !(method.equals(SandboxPaymentProvider.SUCCEEDS) || method.equals("card")))
            .thenComparing(Comparator.naturalOrder());

    private final PaymentProviders providers;
    private final CampaignSnapshots campaigns;
    private final SandboxPaymentProvider sandbox;

    PaymentMethodsController(PaymentProviders providers, CampaignSnapshots campaigns, SandboxPaymentProvider sandbox) {
        this.providers = providers;
        this.campaigns = campaigns;
        this.sandbox = sandbox;
    }

    @GetMapping("/api/payments/methods")
    PaymentMethods methods(@RequestParam(required = false) @Nullable String campaignId) {
        PaymentProvider provider = campaignId == null || campaignId.isBlank()
                ? sandbox
                : campaigns
                        .findById(campaignId)
                        .map(CampaignSnapshot::organisationId)
                        .map(providers::forOrganisation)
                        .orElse(sandbox);
        return new PaymentMethods(
                provider.kind().pathName(),
                !provider.movesMoney(),
                provider.paymentMethods().stream().sorted(USUAL_FIRST).toList(),
                provider.takesRepeatCharges());
    }
}
