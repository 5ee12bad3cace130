package org.tirelire.donation.moderation;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The words an organisation does not want on its pages: a donor's message that contains one waits, hidden
 * from the public and from the stream overlay, until someone of the organisation shows it.
 *
 * @param words lower case, each at least two characters; matched as whole words, whatever the case
 */
@Document("held_words")
public record HeldWords(@Id String organisationId, List<String> words) {}
