package org.tirelire.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.identity.api.InvalidEmbedSite;

class EmbedSitesPortTest {

    @Test
    void each_site_is_kept_as_the_origin_a_browser_compares_and_once() {
        assertThat(EmbedSitesPort.origins(
                        List.of(" HTTPS://Asso.Example.org/ ", "https://asso.example.org", "http://localhost:8081")))
                .containsExactly("https://asso.example.org", "http://localhost:8081");
    }

    @Test
    void what_is_not_a_site_s_origin_is_refused() {
        for (String notAnOrigin : List.of(
                "javascript:alert(1)",
                "asso.example.org",
                "https://asso.example.org/dons",
                "https://asso.example.org?x=1",
                "https://user@asso.example.org",
                "ftp://asso.example.org",
                "*",
                "https://*.example.org",
                "'self'")) {
            assertThatThrownBy(() -> EmbedSitesPort.origins(List.of(notAnOrigin)))
                    .as(notAnOrigin)
                    .isInstanceOf(InvalidEmbedSite.class);
        }
    }

    @Test
    void at_most_ten_sites() {
        List<String> eleven = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("https://site" + i + ".example.org");
        }
        assertThatThrownBy(() -> EmbedSitesPort.origins(eleven)).isInstanceOf(InvalidEmbedSite.class);
        assertThat(EmbedSitesPort.origins(Collections.nCopies(11, "https://asso.example.org")))
                .hasSize(1);
    }
}
