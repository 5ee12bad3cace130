package org.tirelire.donation.payment.helloasso;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HelloAsso, under {@code tirelire.payments.helloasso}.
 *
 * @param apiBase where HelloAsso answers: its tokens under {@code /oauth2}, its API under {@code /v5}
 *     (env {@code TIRELIRE_PAYMENTS_HELLOASSO_API_BASE}; {@code https://api.helloasso-sandbox.com} for its
 *     test environment, a stand-in in tests)
 */
@ConfigurationProperties("tirelire.payments.helloasso")
public record HelloAssoProperties(
        @DefaultValue("https://api.helloasso.com") String apiBase) {}
