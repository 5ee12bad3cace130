package org.tirelire.web.page;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The pages speak French first and English on request: {@code ?lang=en} (the language switch in every
 * page's header) chooses and is remembered in a cookie; without a choice, the browser's preferred
 * language among the two; French otherwise.
 */
@Component("localeContextResolver")
public class LanguageSelection implements LocaleContextResolver {

    static final Locale FRENCH = Locale.FRENCH;
    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);
    private static final String PARAMETER = "lang";
    private static final String COOKIE = "lang";

    /** The language the visitor reads the pages in ({@code fr} or {@code en}), for the emails they will get. */
    public static String languageOf(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? FRENCH.getLanguage() : locale.getLanguage();
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale chosen = supported(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
        if (chosen != null) {
            remember(exchange, chosen);
            return new SimpleLocaleContext(chosen);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        Locale remembered = cookie == null ? null : supported(cookie.getValue());
        if (remembered != null) {
            return new SimpleLocaleContext(remembered);
        }
        List<Locale.LanguageRange> preferred =
                exchange.getRequest().getHeaders().getAcceptLanguage();
        Locale best = preferred.isEmpty() ? null : Locale.lookup(preferred, SUPPORTED);
        return new SimpleLocaleContext(best == null ? FRENCH : best);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
        Locale locale = localeContext == null ? null : supported(String.valueOf(localeContext.getLocale()));
        if (locale != null) {
            remember(exchange, locale);
        }
    }

    private static void remember(ServerWebExchange exchange, Locale locale) {
        exchange.getResponse()
                .addCookie(ResponseCookie.from(COOKIE, locale.getLanguage())
                        .path("/")
                        .maxAge(Duration.ofDays(365))
                        .sameSite("Lax")
                        .build());
    }

    private static @Nullable Locale supported(@Nullable String language) {
        if (language == null) {
            return null;
        }
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equalsIgnoreCase(language.strip()))
                .findFirst()
                .orElse(null);
    }
}
