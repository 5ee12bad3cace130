package org.tirelire.campaign.campaign;

import org.springframework.stereotype.Component;
import org.tirelire.kit.web.Slugs;

/** A campaign's slug: its title made readable in a link, unique among campaigns. */
@Component
public class SlugGenerator {

    private final CampaignRepository campaigns;

    SlugGenerator(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    public String uniqueSlugFor(String title) {
        return Slugs.unique(title, "campagne", campaigns::existsBySlug);
    }
}
