package org.tirelire.identity.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.identity.api.EmbedSites;
import org.tirelire.identity.api.InvalidEmbedSite;
import org.tirelire.identity.organisation.Organisation;
import org.tirelire.identity.organisation.OrganisationMembers;
import reactor.core.publisher.Mono;

@Component
class EmbedSitesPort implements EmbedSites {

    private final Memberships memberships;
    private final OrganisationMembers members;

    EmbedSitesPort(Memberships memberships, OrganisationMembers members) {
        this.memberships = memberships;
        this.members = members;
    }

    @Override
    public Mono<List<String>> allowedFor(String organisationId) {
        return members.byId(organisationId).map(Organisation::embedOrigins).defaultIfEmpty(List.of());
    }

    @Override
    public Mono<List<String>> ofOrganisation(String accessToken) {
        return memberships.organisationOf(accessToken).map(Organisation::embedOrigins);
    }

    @Override
    public Mono<List<String>> allow(String accessToken, List<String> sites, @Nullable String currentPassword) {
        return Mono.fromCallable(() -> origins(sites))
                .flatMap(origins -> memberships.allowEmbeddingFrom(accessToken, origins, currentPassword));
    }

    /** Each site as an origin, in the form browsers compare with {@code frame-ancestors}; refused whole if one is not. */
    static List<String> origins(List<String> sites) {
        List<String> origins = new ArrayList<>();
        for (String site : sites) {
            String origin = origin(site);
            if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        if (origins.size() > MOST) {
            throw new InvalidEmbedSite(sites.get(MOST));
        }
        return List.copyOf(origins);
    }

    private static String origin(String site) {
        String typed = site == null ? "" : site.strip();
        try {
            URI uri = new URI(typed.endsWith("/") ? typed.substring(0, typed.length() - 1) : typed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean onlyAnOrigin = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !onlyAnOrigin) {
                throw new InvalidEmbedSite(typed);
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException notAnAddress) {
            throw new InvalidEmbedSite(typed);
        }
    }
}
