package org.tirelire.donation.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.tirelire.kit.security.ProblemAuthenticationEntryPoint;
import org.tirelire.kit.security.ServicePortEndpoints;

/**
 * Donors give and follow their gift without an account; payment webhooks prove themselves by their
 * signature; everything else needs an organiser's token, verified here against the gateway's keys.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.POST,
                                "/api/donations",
                                "/api/payments/webhooks/*",
                                "/api/subscriptions/*/*",
                                "/api/subscriptions/links",
                                "/api/admin/test-clock/*") // checked by the admin token
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/donations/*",
                                "/api/donations/*/receipt",
                                "/api/subscriptions/*",
                                "/api/campaigns/*/receipt-policy",
                                "/api/campaigns/*/supporters",
                                "/api/payments/methods")
                        .permitAll()
                        .requestMatchers(ServicePortEndpoints.OPEN)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> ProblemAuthenticationEntryPoint.answerWithProblems(
                        resourceServer.jwt(Customizer.withDefaults())))
                .build();
    }
}
