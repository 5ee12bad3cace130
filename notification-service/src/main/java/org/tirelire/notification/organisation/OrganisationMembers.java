package org.tirelire.notification.organisation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrganisationMembers extends MongoRepository<OrganisationMember, String> {

    List<OrganisationMember> findByOrganisationIdAndRole(String organisationId, String role);
}
