package org.tirelire.gateway.edge;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Configuration
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A front end served from another origin (an association's own site calling the API) is allowed
     * by listing it in {@code tirelire.cors.allowed-origins}; none is by default. Bearer tokens, not
     * cookies, cross origins: credentials are not allowed.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${tirelire.cors.allowed-origins:}") List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.stream().anyMatch(origin -> !origin.isBlank())) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(
                    allowedOrigins.stream().filter(o -> !o.isBlank()).toList());
            api.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
            api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id"));
            api.setExposedHeaders(List.of("Retry-After", "X-Correlation-Id", "Idempotent-Replayed", "Location"));
            api.setAllowCredentials(false);
            api.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    /**
     * The gateway lets requests through to the services, which check organisers' tokens themselves:
     * ownership is decided where the data lives. The API has no sessions and no CSRF (bearer tokens, not
     * cookies); the web pages' forms, whose organiser session is a cookie, carry a CSRF token (a
     * double-submit cookie, so any gateway instance can check it). Every response carries the
     * security headers; HSTS only over HTTPS, which behind a TLS-terminating proxy means with
     * {@code server.forward-headers-strategy=framework} so that its {@code X-Forwarded-Proto} is heard.
     */
    @Bean
    SecurityWebFilterChain publicEntry(
            ServerHttpSecurity http, CorsConfigurationSource cors, ManagementPort managementPort) {
        // The giving form embedded on an association's site is sent without Tirelire's cookies, which browsers
        // withhold from a frame on another site (ADR 32). It is taken without a token only when the browser
        // says it comes from a page of this platform (the framed form itself), never from another site.
        ServerWebExchangeMatcher sentFromEmbeddedForm = new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/embed/campaigns/*/give"),
                GatewayConfiguration::sentFromThisPlatform);
        ServerWebExchangeMatcher pageForms = new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/**"),
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")),
                new NegatedServerWebExchangeMatcher(sentFromEmbeddedForm));
        // The default handler, also reading the token from a form sent as multipart (the receipt settings
        // carry a signature image).
        XorServerCsrfTokenRequestAttributeHandler csrfTokens = new XorServerCsrfTokenRequestAttributeHandler();
        csrfTokens.setTokenFromMultipartDataEnabled(true);
        return http.cors(corsSpec -> corsSpec.configurationSource(cors))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieServerCsrfTokenRepository())
                        .csrfTokenRequestHandler(csrfTokens)
                        .requireCsrfProtectionMatcher(pageForms))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchange -> exchange.pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .matchers(managementPort)
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .denyAll()
                        .anyExchange()
                        .permitAll())
                .headers(headers -> headers.frameOptions(frame -> frame.mode(Mode.DENY))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // A page may set its own, which this one does not replace: the giving page widens
                        // form-action to the payment providers' pages (web's PagePolicy, kept in step).
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' https: data:; object-src 'none'; "
                                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")))
                .build();
    }

    /**
     * Whether the browser says this request comes from one of this platform's own pages: {@code Sec-Fetch-Site:
     * same-origin}, or, from a browser that does not send it, an {@code Origin} naming the host it was sent to.
     */
    static Mono<MatchResult> sentFromThisPlatform(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String fetchSite = headers.getFirst("Sec-Fetch-Site");
        boolean ours = fetchSite != null
                ? fetchSite.equals("same-origin")
                : headers.getOrigin() != null
                        && headers.getHost() != null
                        && URI.create(headers.getOrigin()).getAuthority() != null
                        && URI.create(headers.getOrigin())
                                .getAuthority()
                                .equalsIgnoreCase(headers.getHost().getHostString()
                                        + (headers.getHost().getPort() > 0
                                                ? ":" + headers.getHost().getPort()
                                                : ""));
        return ours ? MatchResult.match() : MatchResult.notMatch();
    }
}
