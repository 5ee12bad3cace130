package org.tirelire.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import org.tirelire.identity.AuthProperties;
import reactor.core.publisher.Mono;

/**
 * The token signing keys, kept in the identity database so every instance signs alike and tokens
 * survive restarts. The newest signs. A key older than {@code tirelire.auth.key-rotation-period} is
 * replaced by a new one on first use (or at once, by an administrator: {@link #rotate()}); retired keys
 * stay in the JWKS for another period, so the tokens they signed can still be checked, then leave it.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Another instance's rotation reaches this one within this time. */
    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

    private record Loaded(List<StoredKey> keys, Instant at) {}

    private record StoredKey(RSAKey key, Instant createdAt) {}

    private final ReactiveMongoTemplate mongo;
    private final AuthProperties properties;
    private final Clock clock;
    private volatile Loaded loaded;

    SigningKeys(ReactiveMongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs new tokens: the newest, replaced when it has signed for a whole period. */
    public Mono<RSAKey> current() {
        return all().flatMap(keys -> {
            StoredKey newest = keys.get(0);
            boolean due =
                    newest.createdAt().plus(properties.keyRotationPeriod()).isBefore(clock.instant());
            return due ? rotate() : Mono.just(newest.key());
        });
    }

    /** Public halves of every key still trusted, newest first. */
    public Mono<JWKSet> publicKeys() {
        Instant retiredBefore =
                clock.instant().minus(properties.keyRotationPeriod().multipliedBy(2));
        return all().map(keys -> new JWKSet(keys.stream()
                .filter(stored -> stored == keys.get(0) || stored.createdAt().isAfter(retiredBefore))
                .map(stored -> (JWK) stored.key().toPublicJWK())
                .toList()));
    }

    /** A new key signs from now on; the previous ones stay published for the tokens they signed. */
    public Mono<RSAKey> rotate() {
        return generate().doOnNext(key -> {
            loaded = null;
            log.info("Token signing key rotated: {} now signs", key.getKeyID());
        });
    }

    private Mono<List<StoredKey>> all() {
        Loaded cached = loaded;
        if (cached != null && cached.at().plus(RELOAD_AFTER).isAfter(clock.instant())) {
            return Mono.just(cached.keys());
        }
        return mongo.findAll(SigningKey.class)
                .sort(Comparator.comparing(SigningKey::createdAt).reversed())
                .map(stored -> new StoredKey(parse(stored), stored.createdAt()))
                .collectList()
                .flatMap(found -> found.isEmpty()
                        ? generate().map(key -> List.of(new StoredKey(key, clock.instant())))
                        : Mono.just(found))
                .doOnNext(keys -> loaded = new Loaded(keys, clock.instant()));
    }

    private Mono<RSAKey> generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            return mongo.insert(new SigningKey(key.getKeyID(), key.toJSONString(), clock.instant()))
                    .thenReturn(key);
        } catch (JOSEException e) {
            return Mono.error(e);
        }
    }

    private static RSAKey parse(SigningKey stored) {
        try {
            return RSAKey.parse(stored.privateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + stored.keyId() + " is corrupt", e);
        }
    }
}
