package org.tirelire.web.page;

/** A page asked for something that does not exist, or that the reader may not see. */
public class PageNotFound extends RuntimeException {

    public PageNotFound() {
        super("no such page");
    }
}
