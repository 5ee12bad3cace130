package org.tirelire.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class EdgeFilterOrderTest {

    @Test
    void the_refusing_filters_come_right_after_spring_securitys_chain() throws Exception {
        Field chainOrder = Class.forName(
                        "org.springframework.security.config.annotation.web.reactive.WebFluxSecurityConfiguration")
                .getDeclaredField("WEB_FILTER_CHAIN_FILTER_ORDER");
        chainOrder.setAccessible(true);

        assertThat(EdgeFilterOrder.SECURITY_CHAIN).isEqualTo(chainOrder.getInt(null));
        assertThat(EdgeFilterOrder.RATE_LIMIT).isGreaterThan(EdgeFilterOrder.SECURITY_CHAIN);
        assertThat(EdgeFilterOrder.GIFT_SHEDDING).isGreaterThan(EdgeFilterOrder.RATE_LIMIT);
    }
}
