package org.tirelire.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The gateway's token signing keys: the newest signs, all are published in the JWKS. */
@Component
public class SigningKeys {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private volatile List<RSAKey> keys;

    SigningKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The key that signs new tokens, created on first use. */
    public Mono<RSAKey> current() {
        return all().map(list -> list.get(0));
    }

    /** Public halves of every key still trusted, newest first. */
    public Mono<JWKSet> publicKeys() {
        return all().map(list -> new JWKSet(list.stream()
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                .toList()));
    }

    private Mono<List<RSAKey>> all() {
        List<RSAKey> loaded = keys;
        if (loaded != null) {
            return Mono.just(loaded);
        }
        return mongo.findAll(SigningKey.class)
                .sort(Comparator.comparing(SigningKey::createdAt).reversed())
                .map(SigningKeys::parse)
                .collectList()
                .flatMap(found -> found.isEmpty() ? generate().map(List::of) : Mono.just(found))
                .doOnNext(list -> keys = list);
    }

    private Mono<RSAKey> generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            return mongo.insert(new SigningKey(key.getKeyID(), key.toJSONString(), clock.instant()))
                    .thenReturn(key)
                    // another instance created one at the same moment: use whatever is stored now
                    .onErrorResume(e -> mongo.findAll(SigningKey.class).next().map(SigningKeys::parse));
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
