package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.InputFile;
import dev.floe.io.storage.ObjectStores;
import java.util.Map;

/** Opening Parquet files and objects through the object-store layer, with Parquet-specific errors. */
final class ParquetFiles {
    private ParquetFiles() {
    }

    /** The file or object at {@code location}: positioned reads locally, ranged GETs on S3. */
    static InputFile open(String location, Map<String, String> options) {
        try {
            return ObjectStores.forLocation(location, options).open(location);
        } catch (FloeException e) {
            if (e.code() == ErrorCode.FILE_NOT_FOUND && !isRemote(location)) {
                throw new FloeException(ErrorCode.FILE_NOT_FOUND, "Parquet file not found: " + location, e);
            }
            throw e;
        }
    }

    static boolean isRemote(String location) {
        return ObjectStores.isRemote(location);
    }
}
