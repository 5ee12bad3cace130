package org.tirelire.kit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentReadsTest {

    private final AtomicInteger reads = new AtomicInteger();

    private Optional<String> store(String key) {
        reads.incrementAndGet();
        return Optional.of("stored " + key);
    }

    @Test
    void a_busy_key_is_read_once_while_its_copy_is_fresh() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1));

        for (int gift = 0; gift < 100; gift++) {
            assertThat(recent.get("campaign-1", this::store)).contains("stored campaign-1");
        }

        assertThat(reads).hasValue(1);
    }

    @Test
    void a_change_put_here_is_answered_at_once_and_a_read_started_before_it_does_not_hide_it() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1));

        // A gift reads the campaign while it is being closed; the read ends after the close was put.
        Optional<String> readDuringTheChange = recent.get("campaign-1", key -> {
            recent.put(key, "closed");
            return Optional.of("live");
        });

        assertThat(readDuringTheChange).contains("live");
        assertThat(recent.get("campaign-1", this::store)).contains("closed");
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_read_started_before_a_key_was_forgotten_is_not_kept() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1));

        // An organisation's webhooks are read while it adds one; the read ends after the addition.
        recent.get("org-1", key -> {
            recent.forget(key);
            return Optional.of("no webhook");
        });

        assertThat(recent.get("org-1", this::store)).contains("stored org-1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothing_found_is_not_kept_and_a_forgotten_key_is_read_again() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ofMinutes(1));

        assertThat(recent.get("campaign-1", key -> Optional.empty())).isEmpty();
        assertThat(recent.get("campaign-1", this::store)).contains("stored campaign-1");
        recent.forget("campaign-1");
        recent.get("campaign-1", this::store);

        assertThat(reads).hasValue(2);
    }

    @Test
    void with_no_time_to_keep_every_read_goes_to_the_store() {
        RecentReads<String, String> recent = new RecentReads<>(Duration.ZERO);

        recent.put("campaign-1", "closed");
        recent.get("campaign-1", this::store);
        recent.get("campaign-1", this::store);

        assertThat(reads).hasValue(2);
    }
}
