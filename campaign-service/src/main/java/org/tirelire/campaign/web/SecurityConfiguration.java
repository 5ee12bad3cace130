package org.tirelire.campaign.web;

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
 * Donors read campaigns without an account; everything else needs an organiser's token, which this
 * service verifies itself against the gateway's published keys, so a request that bypasses the
 * gateway is refused as well.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.GET, "/api/campaigns", "/api/campaigns/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/admin/reconciliation") // checked by its own admin token
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
