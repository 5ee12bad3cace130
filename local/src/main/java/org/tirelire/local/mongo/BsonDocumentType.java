package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A stored document as BSON, the bytes MongoDB itself keeps and the wire carries, through the server's own
 * codec. H2's default type wrote each document with Java serialization, class descriptions included, which
 * was the server's main cost under load (docs/performance.md).
 */
public final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {}

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        int length = Integer.reverseBytes(buffer.getInt(start)); // BSON's own length, little-endian, comes first
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

    /** What the document takes in the page cache, estimated from its fields without encoding it. */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> fields) {
            int size = 64;
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                size += 40 + estimate(field.getKey()) + estimate(field.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            int size = 32;
            for (Object item : items) {
                size += 8 + estimate(item);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2 * text.length();
        }
        if (value instanceof BinData binary) {
            return 16 + binary.getData().length; // a receipt's PDF, say
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
