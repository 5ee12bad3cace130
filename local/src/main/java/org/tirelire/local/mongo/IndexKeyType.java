package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
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
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key of a unique index's entry (the indexed values of one document), written value by value and
 * compared value by value.
 *
 * <p>H2's default type knows nothing of mongo-java-server's {@link KeyValue}: it wrote each key with Java
 * serialization and, the class not being {@link Comparable}, compared two keys by serializing both, at every
 * step of every search down an index. That was a fifth of the MongoDB-wire server's CPU under load
 * (docs/performance.md). The index only asks for equal keys (its entries are read in no order), so any order
 * that holds two keys equal exactly when their values are equal, one by one and of the same classes, will do.
 *
 * <p>A key of plain values (strings, numbers, booleans, dates, object ids, nulls: every key Tirelire's
 * indexes hold) is written as its values; any other key with Java serialization, as before. The first byte
 * says which.
 */
public final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final byte AS_PLAIN_VALUES = 1;
    private static final byte AS_JAVA_OBJECT = 2;

    /** The plain values, by the byte that says which each is. Never reorder: the bytes are in files. */
    private static final List<Class<?>> PLAIN_VALUES = List.of(
            Void.class,
            String.class,
            Integer.class,
            Long.class,
            Double.class,
            Boolean.class,
            Instant.class,
            ObjectId.class);

    private IndexKeyType() {}

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (!allPlain(key)) {
            byte[] serialized = javaSerialized(key);
            buffer.put(AS_JAVA_OBJECT).putVarInt(serialized.length).put(serialized);
            return;
        }
        buffer.put(AS_PLAIN_VALUES).putVarInt(key.size());
        for (Object value : key) {
            int kind = value == null ? 0 : PLAIN_VALUES.indexOf(value.getClass());
            buffer.put((byte) kind);
            writeValue(buffer, value);
        }
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof String text) {
            buffer.putVarInt(text.length()).putStringData(text, text.length());
        } else if (value instanceof Integer number) {
            buffer.putInt(number);
        } else if (value instanceof Long number) {
            buffer.putLong(number);
        } else if (value instanceof Double number) {
            buffer.putDouble(number);
        } else if (value instanceof Boolean yes) {
            buffer.put((byte) (yes ? 1 : 0));
        } else if (value instanceof Instant at) {
            buffer.putLong(at.toEpochMilli());
        } else if (value instanceof ObjectId id) {
            buffer.put(id.toByteArray());
        } // a null is its kind alone
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte kept = buffer.get();
        if (kept == AS_JAVA_OBJECT) {
            byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(serialized);
            return (KeyValue) javaObject(serialized);
        }
        if (kept != AS_PLAIN_VALUES) {
            throw new IllegalStateException("An index key kept in an unknown way: " + kept);
        }
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Class<?> kind = PLAIN_VALUES.get(buffer.get());
            values.add(readValue(kind, buffer));
        }
        return new KeyValue(values);
    }

    private static Object readValue(Class<?> kind, ByteBuffer buffer) {
        if (kind == Void.class) {
            return null;
        } else if (kind == String.class) {
            return DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
        } else if (kind == Integer.class) {
            return buffer.getInt();
        } else if (kind == Long.class) {
            return buffer.getLong();
        } else if (kind == Double.class) {
            return buffer.getDouble();
        } else if (kind == Boolean.class) {
            return buffer.get() == 1;
        } else if (kind == Instant.class) {
            return Instant.ofEpochMilli(buffer.getLong());
        }
        byte[] id = new byte[12];
        buffer.get(id);
        return new ObjectId(id);
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
            return ((Comparable) a).compareTo(b); // equal only when equal, for these classes
        }
        // Documents, lists, binary data and the rare rest: equal exactly when their serialized forms are, as
        // H2's default type had it
        return Arrays.compare(javaSerialized(a), javaSerialized(b));
    }

    private static boolean allPlain(KeyValue key) {
        for (Object value : key) {
            if (value == null) {
                continue;
            }
            if (!PLAIN_VALUES.contains(value.getClass())
                    || value instanceof Instant at && at.getNano() % 1_000_000 != 0) { // kept to the millisecond
                return false;
            }
        }
        return true;
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
