package org.tirelire.kit.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Documents inserted together, in one command rather than one each, where some may be stored already (an
 * event heard again): the insert is unordered, so a document stored before keeps none of the others out, and
 * leaves that one as it was.
 */
public final class NewDocuments {

    private NewDocuments() {}

    /**
     * @return the positions, in {@code documents}, of those whose id was stored already
     * @throws RuntimeException anything but ids stored already, such as a write-concern error: the caller's
     *     work fails and is done again
     */
    public static <T> Set<Integer> insert(MongoTemplate mongo, Class<T> type, List<? extends T> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type) // into the type's own collection
                    .insert(documents)
                    .execute();
            return Set.of();
        } catch (BulkOperationException | DuplicateKeyException failed) {
            if (!(failed.getCause() instanceof MongoBulkWriteException bulk)
                    || bulk.getWriteConcernError() != null
                    || !onlyDuplicates(bulk.getWriteErrors())) {
                throw failed;
            }
            return bulk.getWriteErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
        }
    }

    private static boolean onlyDuplicates(List<BulkWriteError> errors) {
        return !errors.isEmpty()
                && errors.stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
}
