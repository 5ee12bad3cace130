package org.tirelire.web.giving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tirelire.web.platform.PlatformBusy;
import reactor.core.publisher.Mono;

/** A gift shed by a busy donation-service is sent again, with the same request, before the donor is told. */
class BusyGivingTest {

    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void a_gift_shed_twice_is_sent_again_and_taken_the_third_time() {
        Mono<String> gift = Mono.defer(() -> sent.incrementAndGet() < 3
                ? Mono.error(new PlatformBusy("donation-service", Duration.ZERO))
                : Mono.just("donation-1"));

        assertThat(gift.retryWhen(GivingPages.SENT_AGAIN_WHILE_BUSY).block(Duration.ofSeconds(10)))
                .isEqualTo("donation-1");
        assertThat(sent).hasValue(3);
    }

    @Test
    void a_gift_still_shed_after_four_more_attempts_comes_back_to_the_page_as_busy() {
        Mono<String> gift = Mono.defer(() -> {
            sent.incrementAndGet();
            return Mono.error(new PlatformBusy("donation-service", Duration.ZERO));
        });

        assertThatThrownBy(
                        () -> gift.retryWhen(GivingPages.SENT_AGAIN_WHILE_BUSY).block(Duration.ofSeconds(10)))
                .isInstanceOf(PlatformBusy.class);
        assertThat(sent).hasValue(5);
    }

    @Test
    void any_other_failure_is_not_sent_again() {
        Mono<String> gift = Mono.defer(() -> {
            sent.incrementAndGet();
            return Mono.error(new IllegalStateException("donation-service answered 500"));
        });

        assertThatThrownBy(
                        () -> gift.retryWhen(GivingPages.SENT_AGAIN_WHILE_BUSY).block(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sent).hasValue(1);
    }
}
