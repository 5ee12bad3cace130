package org.tirelire.identity.twofactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.TwoFactorAlreadyOn;
import org.tirelire.identity.api.TwoFactorCodeRequired;
import org.tirelire.identity.api.TwoFactorNotConfirmed;
import org.tirelire.identity.api.WrongTwoFactorCode;
import org.tirelire.identity.token.SecretTokens;
import reactor.core.publisher.Mono;

/**
 * Two-factor sign-in with any authenticator app (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, the
 * step before and after accepted for a phone's clock drift), and ten recovery codes that each work once.
 * A code is accepted once: the step it belongs to is recorded atomically, so a code seen over a shoulder
 * or replayed does not open a second session.
 */
@Service
public class TwoFactor {

    static final String ISSUER = "Tirelire";
    /** How long a login's setup token lets its person enrol: time to install an app and scan a code. */
    public static final Duration SETUP_TICKET_TTL = Duration.ofMinutes(15);

    private static final int RECOVERY_CODES = 10;
    private static final Duration STEP = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final SecretSealing sealing;
    private final Clock clock;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);
    private final SecureRandom random = new SecureRandom();
    private final Base32 base32 = new Base32();

    TwoFactor(ReactiveMongoTemplate mongo, SecretSealing sealing, Clock clock) {
        this.mongo = mongo;
        this.sealing = sealing;
        this.clock = clock;
    }

    /** What the person adds to their authenticator app, and the recovery codes they keep somewhere safe. */
    public record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) {}

    /** A new secret and recovery codes, waiting for a first code to confirm them; the previous wait is replaced. */
    public Mono<Enrolment> enrol(String accountId, String email) {
        return settings(accountId)
                .filter(TwoFactorSettings::enabled)
                .flatMap(on -> Mono.<Enrolment>error(TwoFactorAlreadyOn::new))
                .switchIfEmpty(Mono.defer(() -> {
                    byte[] key = new byte[20];
                    random.nextBytes(key);
                    String secret = base32.encodeToString(key).replace("=", "");
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < RECOVERY_CODES; i++) {
                        codes.add(recoveryCode());
                    }
                    return mongo.upsert(
                                    Query.query(Criteria.where("_id").is(accountId)),
                                    new Update()
                                            .set("pendingSecret", sealing.seal(accountId, secret))
                                            .set(
                                                    "pendingRecoveryCodeSha256",
                                                    codes.stream()
                                                            .map(SecretTokens::sha256)
                                                            .toList())
                                            .setOnInsert("recoveryCodeSha256", List.of())
                                            .setOnInsert("lastUsedStep", 0L),
                                    TwoFactorSettings.class)
                            .thenReturn(new Enrolment(secret, otpauthUri(secret, email), codes));
                }));
    }

    /** The first code from the app: two-factor sign-in is on from now. */
    public Mono<Void> confirm(String accountId, String code) {
        return settings(accountId)
                .filter(settings -> settings.pendingSecret() != null)
                .switchIfEmpty(Mono.error(TwoFactorNotConfirmed::new))
                .flatMap(settings -> {
                    OptionalLong step = matchingStep(sealing.open(accountId, settings.pendingSecret()), code, 0);
                    if (step.isEmpty()) {
                        return Mono.error(new TwoFactorNotConfirmed());
                    }
                    return mongo.findAndModify(
                                    Query.query(Criteria.where("_id")
                                            .is(accountId)
                                            .and("pendingSecret")
                                            .is(settings.pendingSecret())),
                                    new Update()
                                            .set("secret", settings.pendingSecret())
                                            .set("recoveryCodeSha256", settings.pendingRecoveryCodeSha256())
                                            .set("enabledAt", clock.instant())
                                            .set("lastUsedStep", step.getAsLong())
                                            .unset("pendingSecret")
                                            .set("pendingRecoveryCodeSha256", List.of())
                                            // Its work is done: the person now signs in with a code.
                                            .unset("setupTicketSha256")
                                            .unset("setupTicketExpiresAt")
                                            .unset("setupTicketOrganisationId"),
                                    TwoFactorSettings.class)
                            .switchIfEmpty(Mono.error(TwoFactorNotConfirmed::new))
                            .then();
                });
    }

    /** Who a setup token was given to, for which organisation's sign-in. */
    public record SetupTicket(String accountId, String organisationId) {}

    /**
     * A setup token for an account that must enrol before it signs in to the organisation (it requires a
     * second factor); it replaces any earlier one and only its hash is kept.
     */
    public Mono<String> setupTicket(String accountId, String organisationId) {
        String token = SecretTokens.newToken();
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(accountId)),
                        new Update()
                                .set("setupTicketSha256", SecretTokens.sha256(token))
                                .set("setupTicketExpiresAt", clock.instant().plus(SETUP_TICKET_TTL))
                                .set("setupTicketOrganisationId", organisationId)
                                .setOnInsert("recoveryCodeSha256", List.of())
                                .setOnInsert("pendingRecoveryCodeSha256", List.of())
                                .setOnInsert("lastUsedStep", 0L),
                        TwoFactorSettings.class)
                .thenReturn(token);
    }

    /** The ticket behind a setup token, while it lasts; {@link InvalidAccessToken} otherwise. */
    public Mono<SetupTicket> ticket(String setupToken) {
        return mongo.findOne(
                        Query.query(Criteria.where("setupTicketSha256")
                                .is(SecretTokens.sha256(setupToken))
                                .and("setupTicketExpiresAt")
                                .gt(clock.instant())),
                        TwoFactorSettings.class)
                .map(settings -> new SetupTicket(settings.accountId(), settings.setupTicketOrganisationId()))
                .switchIfEmpty(Mono.error(InvalidAccessToken::new));
    }

    public Mono<Boolean> enabledFor(String accountId) {
        return settings(accountId).map(TwoFactorSettings::enabled).defaultIfEmpty(false);
    }

    /**
     * Completes when the account has no second factor, or the code is a current one not used before, or
     * one of its unused recovery codes (then used up); {@link TwoFactorCodeRequired} without a code,
     * {@link WrongTwoFactorCode} otherwise.
     */
    public Mono<Void> check(String accountId, @Nullable String code) {
        return settings(accountId).filter(TwoFactorSettings::enabled).flatMap(settings -> {
            if (code == null || code.isBlank()) {
                return Mono.error(new TwoFactorCodeRequired());
            }
            OptionalLong step = matchingStep(sealing.open(accountId, settings.secret()), code, settings.lastUsedStep());
            if (step.isPresent()) {
                // Atomically: of two sign-ins with the same code, one only gets through.
                return mongo.findAndModify(
                                Query.query(Criteria.where("_id")
                                        .is(accountId)
                                        .and("lastUsedStep")
                                        .lt(step.getAsLong())),
                                new Update().set("lastUsedStep", step.getAsLong()),
                                FindAndModifyOptions.options().returnNew(true),
                                TwoFactorSettings.class)
                        .switchIfEmpty(Mono.error(WrongTwoFactorCode::new))
                        .then(sealedIfStillInClear(settings));
            }
            String recovery = SecretTokens.sha256(normaliseRecoveryCode(code));
            return mongo.updateFirst(
                            Query.query(Criteria.where("_id")
                                    .is(accountId)
                                    .and("recoveryCodeSha256")
                                    .is(recovery)),
                            new Update().pull("recoveryCodeSha256", recovery),
                            TwoFactorSettings.class)
                    .flatMap(result ->
                            result.getModifiedCount() == 1 ? Mono.<Void>empty() : Mono.error(new WrongTwoFactorCode()));
        });
    }

    /** A secret stored in clear before secrets were sealed is sealed at its next use. */
    private Mono<Void> sealedIfStillInClear(TwoFactorSettings settings) {
        String stored = settings.secret();
        if (stored == null || !sealing.sealable(stored)) {
            return Mono.empty();
        }
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(settings.accountId())
                                .and("secret")
                                .is(stored)),
                        new Update().set("secret", sealing.seal(settings.accountId(), stored)),
                        TwoFactorSettings.class)
                .then();
    }

    private Mono<TwoFactorSettings> settings(String accountId) {
        return mongo.findById(accountId, TwoFactorSettings.class);
    }

    /** The step (previous, current or next) whose code this is, if it is later than {@code after}. */
    private OptionalLong matchingStep(String secret, String code, long after) {
        String typed = code.replace(" ", "").strip();
        if (!typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = clock.instant().getEpochSecond() / STEP.toSeconds();
        SecretKeySpec key = new SecretKeySpec(base32.decode(secret), totp.getAlgorithm());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && MessageDigest.isEqual(codeAt(key, step).getBytes(), typed.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String codeAt(SecretKeySpec key, long step) {
        try {
            return totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of 20 bytes is always valid", e);
        }
    }

    private static String otpauthUri(String secret, String email) {
        String label =
                URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** Two groups of five characters a person can read out and type: {@code k7m2q-x9w4r}. */
    private String recoveryCode() {
        byte[] bytes = new byte[7];
        random.nextBytes(bytes);
        String code = base32.encodeToString(bytes).toLowerCase(Locale.ROOT).substring(0, 10);
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    private static String normaliseRecoveryCode(String code) {
        String plain = code.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return plain.length() == 10 ? plain.substring(0, 5) + "-" + plain.substring(5) : plain;
    }
}
