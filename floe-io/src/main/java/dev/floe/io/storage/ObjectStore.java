package dev.floe.io.storage;

import java.io.OutputStream;
import java.util.List;

/** Where files live: the local file system or an S3-compatible object store, behind one small interface. */
public interface ObjectStore {
    /** Opens a file or object for random-access reads; FILE_NOT_FOUND when it does not exist. */
    InputFile open(String location);

    /** Every file or object below {@code prefix} (a directory or key prefix), recursively, sorted by location. */
    List<StoredObject> list(String prefix);

    /** Whether a single file or object exists at {@code location}. */
    boolean exists(String location);

    /** A stream that creates (or replaces) the file or object when closed successfully. */
    OutputStream create(String location);

    /** Removes every file or object below {@code prefix}; missing ones are ignored. */
    void deleteAll(String prefix);
}
