package org.tirelire.web.session;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.access.OrganisationRole;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.TokenResponse;
import reactor.core.publisher.Mono;

/**
 * An organiser signed in on the web pages: their access token in an HttpOnly, SameSite cookie that
 * scripts cannot read. The pages pass it on to the services as a bearer token, exactly as an API client
 * would; the services decide what it may reach. Forms that change something also carry a CSRF token.
 */
@Component
public class OrganiserSession {

    static final String COOKIE = "tirelire_session";
    /** The refresh token: a session outlives its one-hour access token, up to the refresh token's life. */
    static final String REFRESH_COOKIE = "tirelire_refresh";

    private static final String RESOLVED = OrganiserSession.class.getName() + ".organiser";

    /**
     * Who is signed in, as the token says: shown in the pages' header. The role decides which actions the
     * pages offer; the services decide what is allowed.
     */
    public record Organiser(String token, String email, String organisationName, String role) {

        /** The {@code Authorization} header that carries the organiser's token to a service. */
        public String authorization() {
            return "Bearer " + token;
        }

        /**
         * Whether the pages offer this action, by the table the services enforce ({@link Capability}): a
         * name from it, such as {@code MANAGE_CAMPAIGNS}. A role this code does not know is offered nothing.
         */
        public boolean may(String capability) {
            try {
                return Capability.valueOf(capability).allows(OrganisationRole.valueOf(role));
            } catch (IllegalArgumentException unknownRole) {
                return false;
            }
        }
    }

    private final OrganiserSignIn signIn;

    OrganiserSession(OrganiserSignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * The organiser whose valid token the request carries; when it expired, new tokens for the refresh
     * token, if it is still good. Empty otherwise. Worked out once per request, however often asked:
     * a refresh token can be exchanged only once.
     */
    public Mono<Organiser> current(ServerWebExchange exchange) {
        return exchange.getAttributes()
                                .computeIfAbsent(
                                        RESOLVED, key -> resolve(exchange).cache())
                        instanceof Mono<?> mono
                ? mono.cast(Organiser.class)
                : Mono.empty();
    }

    private Mono<Organiser> resolve(ServerWebExchange exchange) {
        return verified(cookie(exchange, COOKIE)).switchIfEmpty(Mono.defer(() -> refreshed(exchange)));
    }

    private Mono<Organiser> verified(@Nullable String accessToken) {
        if (accessToken == null) {
            return Mono.empty();
        }
        return signIn.verify(accessToken)
                .map(signedIn -> new Organiser(
                        signedIn.accessToken(), signedIn.email(), signedIn.organisationName(), signedIn.role()));
    }

    private Mono<Organiser> refreshed(ServerWebExchange exchange) {
        String refreshToken = cookie(exchange, REFRESH_COOKIE);
        if (refreshToken == null) {
            return Mono.empty();
        }
        return signIn.refresh(refreshToken)
                .flatMap(tokens -> {
                    open(exchange, tokens);
                    return verified(tokens.accessToken());
                })
                .onErrorResume(ended -> {
                    close(exchange);
                    return Mono.empty();
                });
    }

    /** The signed-in organiser, or {@link SignInRequired}: the organiser pages then show the login page. */
    public Mono<Organiser> required(ServerWebExchange exchange) {
        return current(exchange).switchIfEmpty(Mono.error(new SignInRequired()));
    }

    public void open(ServerWebExchange exchange, TokenResponse tokens) {
        exchange.getResponse()
                .addCookie(cookie(exchange, COOKIE, tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn())));
        exchange.getResponse()
                .addCookie(cookie(
                        exchange,
                        REFRESH_COOKIE,
                        tokens.refreshToken(),
                        Duration.ofSeconds(tokens.refreshExpiresIn())));
    }

    /** Logging out: the refresh token's session is ended for good, and both cookies are dropped. */
    public Mono<Void> end(ServerWebExchange exchange) {
        String refreshToken = cookie(exchange, REFRESH_COOKIE);
        close(exchange);
        return refreshToken == null ? Mono.empty() : signIn.logOut(refreshToken);
    }

    private static void close(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, COOKIE, "", Duration.ZERO));
        exchange.getResponse().addCookie(cookie(exchange, REFRESH_COOKIE, "", Duration.ZERO));
    }

    private static @Nullable String cookie(ServerWebExchange exchange, String name) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    private static ResponseCookie cookie(ServerWebExchange exchange, String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(isHttps(exchange))
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    /** Behind a TLS-terminating proxy the gateway sees http; the proxy says what the browser used. */
    private static boolean isHttps(ServerWebExchange exchange) {
        String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(forwarded)
                || "https".equals(exchange.getRequest().getURI().getScheme());
    }
}
