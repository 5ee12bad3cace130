package org.tirelire.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.tirelire.kit.security.ProblemAuthenticationEntryPoint;
import org.tirelire.kit.security.ServicePortEndpoints;

/** Supporters and donors need no account; organiser actions need a token this service verifies itself. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.GET,
                                "/api/fundraisers/**",
                                "/api/campaigns/*/fundraisers",
                                "/api/campaigns/*/teams",
                                "/api/campaigns/*/live",
                                "/api/unsubscribe")
                        .permitAll()
                        // Supporters have no account: their edit token, checked by the controller, stands for it.
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/campaigns/*/fundraisers",
                                "/api/fundraisers/*/close",
                                "/api/unsubscribe")
                        .permitAll()
                        .requestMatchers(HttpMethod.PATCH, "/api/fundraisers/*")
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
