package dev.floe.io.dataset;

import dev.floe.core.types.Field;
import java.util.List;

/** The files a scan's paths name, in a stable order, and the typed hive partition columns they share. */
public record ResolvedDataset(List<DataFile> files, List<Field> partitionFields) {
    public ResolvedDataset {
        files = List.copyOf(files);
        partitionFields = List.copyOf(partitionFields);
    }
}
