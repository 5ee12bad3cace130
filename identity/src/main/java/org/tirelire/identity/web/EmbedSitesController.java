package org.tirelire.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.identity.api.EmbedSites;
import reactor.core.publisher.Mono;

/**
 * The association's own sites, where its campaigns' widgets may show in a frame ({@code /embed/…}); any
 * other site's frame is refused by the browser. An administrator lists them; the list replaces the last.
 */
@RestController
class EmbedSitesController {

    private final EmbedSites sites;

    EmbedSitesController(EmbedSites sites) {
        this.sites = sites;
    }

    record Sites(List<String> origins) {}

    record SitesChange(
            @NotNull @Size(max = EmbedSites.MOST) List<@NotNull @Size(max = 200) String> origins,
            @Nullable @Size(max = 128) String currentPassword) {}

    @GetMapping("/api/organisations/me/embeds")
    Mono<Sites> sites(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return sites.ofOrganisation(BearerTokens.of(authorization)).map(Sites::new);
    }

    @PutMapping("/api/organisations/me/embeds")
    Mono<Sites> allow(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @Valid @RequestBody SitesChange change) {
        return sites.allow(BearerTokens.of(authorization), change.origins(), change.currentPassword())
                .map(Sites::new);
    }
}
