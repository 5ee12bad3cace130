package org.tirelire.donation.admission;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tirelire.contracts.http.Shed;

/**
 * A gift over {@link GiftAdmission}'s limit is answered 503 with {@code Retry-After} and {@link Shed#HEADER}
 * before any other filter but the correlation id's runs (security, tracing, the controller): the refusal costs next to nothing, reads and writes
 * nothing, and the same request with the same {@code Idempotency-Key} may come back in a second. While gifts
 * are shed, every answer to a new gift carries the limit ({@link Shed#LIMIT_HEADER}), from which the gateway
 * refuses the gifts over it before they cross to this service.
 */
@Configuration
@EnableConfigurationProperties(AdmissionProperties.class)
class GiftAdmissionFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> shedGiftsOverTheLimit(GiftAdmission admission) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(admission));
        registration.addUrlPatterns("/api/donations");
        // Right after the correlation id's filter (the shed answer carries it too), before all the others.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static OncePerRequestFilter filter(GiftAdmission admission) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/api/donations".equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean admitted = admission.admit();
                // Set before the controller writes anything: the gateway sheds at the door from it.
                admission
                        .limit()
                        .ifPresent(limit -> response.setHeader(Shed.LIMIT_HEADER, Shed.limitHeaderValue(limit)));
                if (admitted) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Shed.RETRY_AFTER_SECONDS);
                response.setHeader(Shed.HEADER, Shed.VALUE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream().write(Shed.PROBLEM.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
