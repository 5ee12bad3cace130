package org.tirelire.notification.email;

/** An email ready to send, in plain text and HTML. */
public record RenderedEmail(String subject, String text, String html) {}
