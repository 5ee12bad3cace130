package org.tirelire.contracts.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * How the platform says it shed a gift (ADR 39), whether donation-service refused it or the gateway did from
 * the limit the service told it (ADR 43): a {@code 503} with {@code Retry-After} and this header, answered
 * before anything was read or written. Only such an answer is to be sent again with the
 * same {@code Idempotency-Key}; any other 503 is a failure (a provider away, the gateway's breaker open).
 */
public final class Shed {

    /** Present, with the value {@link #VALUE}, on a shed gift's answer. */
    public static final String HEADER = "Tirelire-Shed";

    public static final String VALUE = "gift";

    /**
     * On every answer to a new gift while donation-service sheds: the gifts per second it admits, a decimal
     * number. The gateway refuses what is over it at the door, where a refusal costs least, and takes the
     * header off before the answer leaves the platform. An answer without it says that nothing is shed.
     */
    public static final String LIMIT_HEADER = "Tirelire-Gift-Limit";

    /** {@code Retry-After} of a shed gift, in seconds: a second later is a good time to send it again. */
    public static final String RETRY_AFTER_SECONDS = "1";

    /** The problem document of a shed gift, whichever part of the platform shed it. */
    public static final String PROBLEM = """
            {"type":"about:blank","title":"Many people are giving right now","status":503,\
            "detail":"Your gift was not taken yet and nothing was charged: send it again in a second with the same Idempotency-Key.",\
            "busy":true}""";

    private Shed() {}

    /** {@link #LIMIT_HEADER}'s value for a limit: one decimal, never written with a locale's comma. */
    public static String limitHeaderValue(double giftsPerSecond) {
        return BigDecimal.valueOf(giftsPerSecond)
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** The limit a {@link #LIMIT_HEADER} value says; empty when absent, or not a positive finite number. */
    public static OptionalDouble limitFrom(@Nullable String headerValue) {
        if (headerValue == null) {
            return OptionalDouble.empty();
        }
        try {
            double limit = Double.parseDouble(headerValue.strip());
            return Double.isFinite(limit) && limit > 0 ? OptionalDouble.of(limit) : OptionalDouble.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
        }
    }

    /** Whether an answer with this status and header value is a shed gift. */
    public static boolean is(int status, String headerValue) {
        return status == 503 && VALUE.equals(headerValue);
    }
}
