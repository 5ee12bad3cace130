package org.tirelire.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.HttpSecurityBuilder;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A call that needs an organiser's token and came without a valid one: 401 with the RFC 6750 challenge
 * and, like every other refusal, a problem document saying what to do. Spring Security's own answer has
 * no body, and its challenge names this service's internal address.
 *
 * <p>A token that could not be checked at all, because the keys that sign tokens could not be read from
 * the gateway (it is restarting, or slow to answer), is not the caller's fault: 503 with Retry-After, where
 * Spring Security would answer 500.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    /** Seconds after which a token that could not be checked is worth sending again. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** The resource server answers each refusal with a problem: 401 for a token refused, 503 for one unchecked. */
    public static <H extends HttpSecurityBuilder<H>> OAuth2ResourceServerConfigurer<H> answerWithProblems(
            OAuth2ResourceServerConfigurer<H> resourceServer) {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        return resourceServer
                .authenticationEntryPoint(problems)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        // By default a failure to read the keys is rethrown, and ends as a 500.
                        filter.setAuthenticationFailureHandler(problems::commence);
                        return filter;
                    }
                });
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            write(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Service Unavailable",
                    "The access token could not be checked just now: send the request again in a few seconds.");
            return;
        }
        boolean tokenRefused = failure instanceof OAuth2AuthenticationException;
        String detail = tokenRefused
                ? "The access token is invalid or has expired: sign in again, or refresh it."
                : "Sign in first: this needs an organiser's access token (Authorization: Bearer).";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    /** Fixed texts only: nothing from the request is echoed back. */
    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
