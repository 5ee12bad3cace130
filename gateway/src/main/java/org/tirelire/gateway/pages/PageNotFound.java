package org.tirelire.gateway.pages;

/** A page asked for something that does not exist, or that the reader may not see. */
class PageNotFound extends RuntimeException {

    PageNotFound() {
        super("no such page");
    }
}
