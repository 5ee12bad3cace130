package org.tirelire.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** A unique index's key is read back as written, and two keys compare equal exactly when they are equal. */
class IndexKeyTypeTest {

    private static final IndexKeyType TYPE = IndexKeyType.INSTANCE;

    @Test
    void keys_of_plain_values_and_of_the_rest_read_back_as_written() {
        List<KeyValue> keys = List.of(
                new KeyValue("don-1"),
                new KeyValue(42, 42L, 0.25, true, false, null, "é, 🐷 and a longer text"),
                new KeyValue(Instant.parse("2026-12-02T10:15:30.123Z")),
                new KeyValue(new ObjectId("64b7f0c2a1b2c3d4e5f60718")),
                new KeyValue(Instant.parse("2026-12-02T10:15:30.123456Z")), // finer than BSON keeps
                new KeyValue(new Document("amount", 3000L).append("currency", "EUR"), List.of("a", "b")));

        for (KeyValue key : keys) {
            assertThat(readBack(key)).as("%s", key).isEqualTo(key);
            assertThat(TYPE.compare(readBack(key), key)).as("%s", key).isZero();
        }
    }

    @Test
    void keys_compare_equal_only_when_every_value_is_equal_and_of_the_same_class() {
        assertThat(TYPE.compare(new KeyValue("k-1"), new KeyValue("k-1"))).isZero();
        assertThat(TYPE.compare(new KeyValue("k-1"), new KeyValue("k-2"))).isNegative();
        assertThat(TYPE.compare(new KeyValue("k-2"), new KeyValue("k-1"))).isPositive();
        assertThat(TYPE.compare(new KeyValue(2), new KeyValue(2L))).isNotZero();
        assertThat(TYPE.compare(new KeyValue("k", 1), new KeyValue("k"))).isNotZero();
        assertThat(TYPE.compare(new KeyValue((Object) null), new KeyValue("k"))).isNegative();
        assertThat(TYPE.compare(new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 1))))
                .isZero();
        assertThat(TYPE.compare(new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 2))))
                .isNotZero();
    }

    @Test
    void the_order_is_one_a_tree_can_hold() {
        List<KeyValue> keys = List.of(
                new KeyValue("b"),
                new KeyValue("a"),
                new KeyValue(1),
                new KeyValue(1L),
                new KeyValue((Object) null),
                new KeyValue(new Document("a", 1)),
                new KeyValue("a", "b"));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(TYPE.compare(a, b)))
                        .as("%s against %s", a, b)
                        .isEqualTo(-Integer.signum(TYPE.compare(b, a)));
                for (KeyValue c : keys) {
                    if (TYPE.compare(a, b) < 0 && TYPE.compare(b, c) < 0) {
                        assertThat(TYPE.compare(a, c)).as("%s, %s, %s", a, b, c).isNegative();
                    }
                }
            }
        }
    }

    private static KeyValue readBack(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        TYPE.write(buffer, key);
        TYPE.write(buffer, new KeyValue("after")); // each key reads exactly its own bytes
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        KeyValue read = TYPE.read(written);
        assertThat(TYPE.read(written)).isEqualTo(new KeyValue("after"));
        return read;
    }
}
