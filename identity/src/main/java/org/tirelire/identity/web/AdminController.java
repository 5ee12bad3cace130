package org.tirelire.identity.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tirelire.identity.token.SigningKeys;
import reactor.core.publisher.Mono;

/**
 * For administrators: rotate the token signing key now (a key may have leaked), with the
 * {@code X-Admin-Token} set as {@code TIRELIRE_ADMIN_TOKEN}; without one configured, refused.
 * {@code curl -X POST -H "X-Admin-Token: $TIRELIRE_ADMIN_TOKEN" localhost:8080/api/admin/signing-keys/rotate}
 */
@RestController
class AdminController {

    private final SigningKeys signingKeys;
    private final String adminToken;

    AdminController(SigningKeys signingKeys, @Value("${tirelire.admin.token:}") String adminToken) {
        this.signingKeys = signingKeys;
        this.adminToken = adminToken;
    }

    @PostMapping("/api/admin/signing-keys/rotate")
    Mono<Map<String, String>> rotate(@RequestHeader(name = "X-Admin-Token", required = false) String token) {
        if (adminToken.isBlank()
                || token == null
                || !MessageDigest.isEqual(
                        adminToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "An administrator's token is needed"));
        }
        return signingKeys.rotate().map(key -> Map.of("signingKeyId", key.getKeyID()));
    }
}
