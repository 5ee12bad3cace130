package org.tirelire.campaign.campaign;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.tirelire.kit.security.Organiser;

/** Finds a campaign by id or slug as the caller may see it: a draft only by its own organisation. */
@Component
public class CampaignLookup {

    private final CampaignRepository campaigns;

    CampaignLookup(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public Campaign findVisible(String idOrSlug, @Nullable Jwt token) {
        Campaign campaign = campaigns.findByIdOrSlug(idOrSlug).orElseThrow(() -> new CampaignNotFound(idOrSlug));
        boolean ownedByCaller =
                token != null && campaign.isOwnedBy(Organiser.from(token).organisationId());
        if (!campaign.isPublic() && !ownedByCaller) {
            throw new CampaignNotFound(idOrSlug);
        }
        return campaign;
    }
}
