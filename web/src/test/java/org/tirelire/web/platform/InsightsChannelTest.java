package org.tirelire.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.platform.PlatformViews.Insights.Channel;

class InsightsChannelTest {

    @Test
    void a_channel_reads_as_the_parts_its_links_had() {
        Money amount = Money.of(35_00, "EUR");

        assertThat(new Channel("newsletter", "email", "noel", 2, amount).label())
                .isEqualTo("newsletter / email / noel");
        assertThat(new Channel("mairie.fr", null, null, 1, amount).label()).isEqualTo("mairie.fr");
        assertThat(new Channel(null, "email", null, 1, amount).label()).isEqualTo("— / email");
    }
}
