package org.tirelire.identity.api;

/** A site to allow that is not an origin: answered 422 naming {@code origins}, and nothing changes. */
public class InvalidEmbedSite extends RuntimeException {

    public InvalidEmbedSite(String site) {
        super("\"" + site + "\" is not a site's address such as https://asso.example.org (at most " + EmbedSites.MOST
                + ", no path)");
    }
}
