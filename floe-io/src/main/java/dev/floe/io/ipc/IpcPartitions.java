package dev.floe.io.ipc;

import dev.floe.core.FloeException;

/**
 * Partitioned Arrow IPC files: one file-format file holding the batches of several partitions, with the partition
 * of every record batch listed in the footer's custom metadata under {@link #FOOTER_KEY} (comma-separated, in
 * batch order). A Floe shuffle file is one: every output partition of one map task, each partition's batches
 * together where the writer could keep them so. The scan option {@link #OPTION} reads one partition's batches.
 */
public final class IpcPartitions {
    /** The footer metadata key listing each record batch's partition. */
    public static final String FOOTER_KEY = "floe.batch_partitions";
    /** The scan option selecting one partition of partitioned files (a number from 0). */
    public static final String OPTION = "shuffle_partition";

    private IpcPartitions() {
    }

    /** What one partition of a partitioned file holds: rows, and bytes of its record batch messages. */
    public record PartitionSize(long rows, long bytes) {
    }

    /**
     * The rows and bytes of {@code partition} in the partitioned file {@code path}, from its footer and batch
     * headers (no bodies are read).
     */
    public static PartitionSize size(String path, int partition) {
        IpcFileLayout layout = IpcFileLayout.read(path, partition);
        if (layout.partitions() == null) {
            throw FloeException.invalidArgument("the Arrow IPC file " + path + " has no partition map in its footer");
        }
        return new PartitionSize(layout.totalRows(partition), layout.totalBytes(partition));
    }

    /** The footer value of a file whose {@code batches} record batches are all of {@code partition}. */
    public static String uniform(int partition, int batches) {
        int[] partitions = new int[batches];
        java.util.Arrays.fill(partitions, partition);
        return encode(partitions, batches);
    }

    /**
     * The partition of each of the {@code blocks} record batches of {@code path} from its footer's custom metadata,
     * or {@code null} when the file is not partitioned.
     */
    public static int[] of(java.util.Map<String, String> footer, int blocks, String path) {
        String value = footer.get(FOOTER_KEY);
        return value == null ? null : decode(value, blocks, path);
    }

    static String encode(int[] partitions, int count) {
        StringBuilder text = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(partitions[i]);
        }
        return text.toString();
    }

    /** The partition of each of {@code blocks} record batches of {@code path}, from its footer's value. */
    static int[] decode(String value, int blocks, String path) {
        int[] partitions = new int[blocks];
        if (blocks == 0) {
            if (!value.isEmpty()) {
                throw corrupt(path, "lists partitions for record batches it does not have");
            }
            return partitions;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != blocks) {
            throw corrupt(path, "lists " + parts.length + " batch partitions for " + blocks + " record batches");
        }
        for (int i = 0; i < blocks; i++) {
            try {
                partitions[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw corrupt(path, "lists the batch partition '" + parts[i] + "'");
            }
            if (partitions[i] < 0) {
                throw corrupt(path, "lists the negative batch partition " + partitions[i]);
            }
        }
        return partitions;
    }

    /** The partition selected by {@code source}'s {@link #OPTION}, or -1 when it selects none. */
    static int selected(String option) {
        if (option == null) {
            return -1;
        }
        try {
            int partition = Integer.parseInt(option.strip());
            if (partition >= 0) {
                return partition;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FloeException.invalidArgument("the IPC scan option " + OPTION + " must be a partition number from 0, "
                + "got '" + option + "'");
    }

    private static FloeException corrupt(String path, String what) {
        return IpcFile.corrupt(path, new IllegalStateException("the footer's " + FOOTER_KEY + " " + what));
    }
}
