package org.tirelire.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tirelire.contracts.events.Correlation;

/** Puts the request's correlation id (from the gateway, or a new one) in every log line and event it causes. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String received = request.getHeader(Correlation.HTTP_HEADER);
        String correlationId = received != null && SAFE_ID.matcher(received).matches()
                ? received
                : UUID.randomUUID().toString();
        response.setHeader(Correlation.HTTP_HEADER, correlationId);
        try (var ignored = MDC.putCloseable(Correlation.LOG_KEY, correlationId)) {
            chain.doFilter(request, response);
        }
    }
}
