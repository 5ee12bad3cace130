package org.tirelire.identity.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The sites an organisation lets show its campaigns' widgets in a frame (the pages' {@code frame-ancestors}),
 * for the API and the web pages alike. Each is an origin: {@code https://asso.example.org}.
 */
public interface EmbedSites {

    /** At most this many sites per organisation. */
    int MOST = 10;

    /** The sites allowed to frame this organisation's widgets; none when it listed none. */
    Mono<List<String>> allowedFor(String organisationId);

    /** The signed-in person's organisation's sites (any member may read them). */
    Mono<List<String>> ofOrganisation(String accessToken);

    /**
     * An administrator lists the sites anew ({@link InvalidEmbedSite} for one that is not an origin).
     *
     * @return the sites as kept: lower case, without a trailing slash, each once
     */
    Mono<List<String>> allow(String accessToken, List<String> sites, @Nullable String currentPassword);
}
