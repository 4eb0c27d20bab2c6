package dev.floe.cluster;

import dev.floe.cluster.protocol.WireInput;
import dev.floe.cluster.protocol.WireOutput;
import dev.floe.core.FloeException;
import dev.floe.io.storage.StorageOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the last stage of one query writes its Parquet result files: the coordinator's own results directory
 * ({@link #DEFAULT}), or a directory the client names (an {@code s3://bucket/prefix/...} or an absolute path every
 * worker can reach) with the storage options to write it. The coordinator's retention sweep deletes it either way.
 */
public record ResultLocation(String directory, Map<String, String> storageOptions) {
    public static final ResultLocation DEFAULT = new ResultLocation("", Map.of());

    public ResultLocation {
        if (directory == null) {
            throw FloeException.invalidArgument("a result location needs a directory (\"\" for the coordinator's)");
        }
        while (directory.endsWith("/") && !directory.endsWith("://") && directory.length() > 1) {
            directory = directory.substring(0, directory.length() - 1);
        }
        storageOptions = java.util.Collections.unmodifiableMap(new TreeMap<>(storageOptions));
    }

    /** Whether this is the coordinator's results directory. */
    public boolean isDefault() {
        return directory.isEmpty();
    }

    @Override
    public String toString() {
        return "ResultLocation[" + (isDefault() ? "coordinator" : directory) + ", "
                + StorageOptions.redact(storageOptions) + "]";
    }

    public void write(WireOutput out) {
        out.writeString(directory);
        writeOptions(storageOptions, out);
    }

    public static ResultLocation read(WireInput in) {
        String directory = in.readString();
        return new ResultLocation(directory == null ? "" : directory, readOptions(in));
    }

    /** Writes a string map as its keys then its values. */
    public static void writeOptions(Map<String, String> options, WireOutput out) {
        out.writeStrings(List.copyOf(options.keySet())).writeStrings(List.copyOf(options.values()));
    }

    public static Map<String, String> readOptions(WireInput in) {
        List<String> keys = new ArrayList<>(in.readStrings());
        List<String> values = in.readStrings();
        if (keys.size() != values.size()) {
            throw in.malformed("storage options have " + keys.size() + " names and " + values.size() + " values");
        }
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null || values.get(i) == null) {
                throw in.malformed("a storage option has no name or no value");
            }
            options.put(keys.get(i), values.get(i));
        }
        return options;
    }
}
