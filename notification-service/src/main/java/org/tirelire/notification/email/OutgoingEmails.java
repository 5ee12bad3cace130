package org.tirelire.notification.email;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OutgoingEmails extends MongoRepository<OutgoingEmail, String> {

    List<OutgoingEmail> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
            OutgoingEmail.Status status, Instant now, Pageable page);

    List<OutgoingEmail> findByToSha256(String toSha256);
}
