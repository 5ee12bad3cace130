package org.tirelire.campaign.progress;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators, on the service itself (the gateway does not route it):
 * {@code curl -X POST -H "X-Admin-Token: $TIRELIRE_ADMIN_TOKEN" "127.0.0.1:8081/api/admin/reconciliation?repair=true"}.
 * Without a configured token the endpoint does not exist. Not part of the public API's description either.
 */
@RestController
@Hidden
class ReconciliationController {

    private final Reconciliation reconciliation;
    private final String adminToken;

    ReconciliationController(Reconciliation reconciliation, @Value("${tirelire.admin.token:}") String adminToken) {
        this.reconciliation = reconciliation;
        this.adminToken = adminToken;
    }

    @PostMapping("/api/admin/reconciliation")
    ResponseEntity<Reconciliation.Report> reconcile(
            @RequestHeader(name = "X-Admin-Token", required = false) String token,
            @RequestParam(defaultValue = "false") boolean repair) {
        if (adminToken.isBlank()) {
            return ResponseEntity.notFound().build();
        }
        if (token == null
                || !MessageDigest.isEqual(
                        adminToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(403).build();
        }
        return ResponseEntity.ok(reconciliation.run(repair));
    }
}
