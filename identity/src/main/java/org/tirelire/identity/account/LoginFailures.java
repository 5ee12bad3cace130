package org.tirelire.identity.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Failed logins for one email in the current window, and until when its logins are refused. */
@Document("login_failures")
record LoginFailures(
        @Id String email,
        int failures,
        Instant windowStart,
        @Nullable Instant lockedUntil) {}
