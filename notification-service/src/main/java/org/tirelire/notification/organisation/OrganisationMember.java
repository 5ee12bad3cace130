package org.tirelire.notification.organisation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An active member of an organisation as the member events tell it: whom to email about the
 * organisation's sensitive changes (its administrators) and about their own place in it.
 */
@Document("organisation_members")
public record OrganisationMember(
        @Id String memberId, @Indexed String organisationId, String email, String role) {}
