package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key of a unique index's entry (the indexed values of one document), kept as BSON and compared value by
 * value.
 *
 * <p>H2's default type knows nothing of mongo-java-server's {@link KeyValue}: it wrote each key with Java
 * serialization and, the class not being {@link Comparable}, compared two keys by serializing both, at every
 * step of every search down an index. That was a fifth of the MongoDB-wire server's CPU under load
 * (docs/performance.md). The index only asks for equal keys (its entries are read in no order), so any order
 * that holds two keys equal exactly when their values are equal, one by one and of the same classes, will do.
 *
 * <p>A key whose values BSON cannot carry is kept with Java serialization, as before; its first byte says
 * which.
 */
public final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final byte AS_BSON = 1;
    private static final byte AS_JAVA_OBJECT = 2;
    private static final String VALUES = "v";

    /**
     * Values compared by their own order, which for these classes holds two values equal only when equal; BSON
     * reads them back as they were (a date to the millisecond, as the wire carries it).
     */
    private static final Set<Class<?>> PLAIN_VALUES =
            Set.of(String.class, Integer.class, Long.class, Double.class, Boolean.class, Instant.class, ObjectId.class);

    private IndexKeyType() {}

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] bson = bsonOrNull(key);
        if (bson != null) {
            buffer.put(AS_BSON).put(bson);
        } else {
            byte[] serialized = javaSerialized(key);
            buffer.put(AS_JAVA_OBJECT).putVarInt(serialized.length).put(serialized);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte kept = buffer.get();
        if (kept == AS_BSON) {
            int start = buffer.position();
            int length = Integer.reverseBytes(buffer.getInt(start)); // BSON's own length, little-endian, comes first
            Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
            buffer.position(start + length);
            return new KeyValue((List<?>) document.get(VALUES));
        }
        if (kept == AS_JAVA_OBJECT) {
            byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(serialized);
            return (KeyValue) javaObject(serialized);
        }
        throw new IllegalStateException("An index key kept in an unknown way: " + kept);
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int bySize = Integer.compare(a.size(), b.size());
        if (bySize != 0) {
            return bySize;
        }
        Iterator<Object> first = a.iterator();
        Iterator<Object> second = b.iterator();
        while (first.hasNext()) {
            int byValue = compareValues(first.next(), second.next());
            if (byValue != 0) {
                return byValue;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (PLAIN_VALUES.contains(a.getClass())) {
            return ((Comparable) a).compareTo(b);
        }
        // Documents, lists, binary data and the rare rest: equal exactly when their serialized forms are, as
        // H2's default type had it
        return Arrays.compare(javaSerialized(a), javaSerialized(b));
    }

    /** The key's values as one BSON document, or null where one of them is not a plain value. */
    private static byte[] bsonOrNull(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        for (Object value : key) {
            if (!isPlain(value)) {
                return null;
            }
            values.add(value);
        }
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document(VALUES, values), bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    private static boolean isPlain(Object value) {
        if (value instanceof Instant at) {
            return at.getNano() % 1_000_000 == 0; // BSON keeps milliseconds
        }
        return value == null || PLAIN_VALUES.contains(value.getClass());
    }

    private static byte[] javaSerialized(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException cannotSerialize) {
            throw new UncheckedIOException(cannotSerialize);
        }
        return bytes.toByteArray();
    }

    private static Object javaObject(byte[] serialized) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException cannotRead) {
            throw new IllegalStateException("An index key that cannot be read back", cannotRead);
        }
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 32;
        for (Object value : key) {
            size += value instanceof CharSequence text ? 40 + 2 * text.length() : 24;
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
