package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;
import java.util.Arrays;
import java.util.List;

/**
 * Group table for one key stored as int or long: no encoding, no allocation per row. Non-negative keys below the
 * direct limit (grown on demand while the keys are dense enough) find their group by indexing an int array;
 * other keys go to an open-addressing table whose slots keep key and group id side by side ({@code slots[2s]},
 * {@code slots[2s + 1]}) so a probe touches one cache line. A key is in the direct array if and only if it is
 * below {@code direct.length}. {@link #find} tests a {@link KeyPresence} of sparse keys before either.
 */
final class LongGroupTable implements GroupTable {
    private final DataType type;
    /**
     * Keys in {@code [0, DIRECT_KEYS)} may find their group by indexing instead of hashing (perfect hashing); 2^26
     * covers SF10's order keys (up to 60 M), whose sorted runs then cost sequential reads instead of random probes.
     */
    private static final int DIRECT_KEYS = 1 << 26;
    /** The direct array grows to a length only while it is at most this many times the group count. */
    private static final int DIRECT_SPARSENESS = 16;
    private static final int DIRECT_MINIMUM = 1 << 20;
    /** Probes test the key set first ({@link KeyPresence}); recomputed when groups were added since. */
    private volatile Presence keyPresence;
    private int hashedCount;
    /** Group id + 1 per key below its length; 0 (a fresh array's value, no fill needed) means absent. */
    private int[] direct = new int[0];
    private long[] slots;
    private int mask;
    private long[] groupKeys = new long[16];
    private int groupCount;
    private int nullGroup = -1;

    LongGroupTable(DataType type) {
        this.type = type;
        allocate(64);
    }

    static boolean supports(DataType type) {
        return IntVector.accepts(type) || LongVector.accepts(type);
    }

    private void allocate(int capacity) {
        slots = new long[2 * capacity];
        for (int s = 1; s < slots.length; s += 2) {
            slots[s] = -1;
        }
        mask = capacity - 1;
    }

    @Override
    public int[] groupIds(List<Vector> keys, int n) {
        Vector key = keys.getFirst();
        int[] out = new int[n];
        long[] validity = key.validity();
        reserveDirect(key, n);
        if (key instanceof LongVector longs && validity == null) {
            long[] values = longs.values();
            long previousKey = 0;
            int previousGroup = -1;
            for (int i = 0; i < n; i++) {
                long value = values[i];
                if (value != previousKey || previousGroup < 0) {
                    // Keys often come in runs (data sorted or clustered on them): a run costs one probe.
                    previousGroup = value >= 0 && value < direct.length ? directGroup((int) value)
                            : insertOrDirect(value);
                    previousKey = value;
                }
                out[i] = previousGroup;
            }
        } else if (key instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < n; i++) {
                out[i] = !Bitmap.get(validity, i) ? nullGroup() : insertOrDirect(values[i]);
            }
        } else {
            int[] values = ((IntVector) key).values();
            for (int i = 0; i < n; i++) {
                out[i] = validity != null && !Bitmap.get(validity, i) ? nullGroup() : insertOrDirect(values[i]);
            }
        }
        return out;
    }

    @Override
    public int[] find(List<Vector> keys, int n, boolean nullsMatch) {
        Vector key = keys.getFirst();
        int[] out = new int[n];
        long[] validity = key.validity();
        long[] values = Numbers.longs(key);
        KeyPresence presence = keyPresence();
        boolean filters = presence.filters();
        long previousKey = 0;
        int previousGroup = -1;
        boolean hasPrevious = false;
        for (int i = 0; i < n; i++) {
            if (validity != null && !Bitmap.get(validity, i)) {
                out[i] = nullsMatch ? nullGroup : -1;
            } else {
                long value = values[i];
                if (!hasPrevious || value != previousKey) {
                    // Keys often come in runs (data sorted or clustered on them): a run costs one probe.
                    previousGroup = filters && !presence.mayContain(value) ? -1 : lookup(value);
                    previousKey = value;
                    hasPrevious = true;
                }
                out[i] = previousGroup;
            }
        }
        return out;
    }

    /** The {@link KeyPresence} of this table's keys, computed at the first {@link #find} after the last insert. */
    private KeyPresence keyPresence() {
        Presence presence = keyPresence;
        if (presence == null || presence.groupCount() != groupCount) {
            boolean[] exclude = null;
            if (nullGroup >= 0) {
                exclude = new boolean[groupCount];
                exclude[nullGroup] = true;
            }
            presence = new Presence(KeyPresence.of(groupKeys, 0, 1, groupCount, exclude), groupCount);
            keyPresence = presence;
        }
        return presence.keys();
    }

    /** A key set and the group count it was computed for. */
    private record Presence(KeyPresence keys, int groupCount) {
    }

    private int directGroup(int key) {
        int group = direct[key] - 1;
        if (group < 0) {
            group = newGroup(key);
            direct[key] = group + 1;
        }
        return group;
    }

    /** Indexes a key below the direct limit (growing it when the keys are dense enough), else hashes it. */
    private int insertOrDirect(long key) {
        if (key >= 0 && key < direct.length) {
            return directGroup((int) key);
        }
        if (key >= 0 && key < DIRECT_KEYS) {
            int length = (int) Math.min(DIRECT_KEYS, Math.max(1024, Integer.highestOneBit((int) key) * 2L));
            if (length <= Math.max(DIRECT_MINIMUM, (long) DIRECT_SPARSENESS * (groupCount + 1))) {
                growDirect(length);
                return directGroup((int) key);
            }
        }
        return insert(key);
    }

    /**
     * Grows the direct array at once to cover the largest key of a batch when the batch alone could fill it densely
     * enough (a join build's single call), instead of hashing keys above the current length and moving them later.
     */
    private void reserveDirect(Vector key, int n) {
        long max = -1;
        if (key instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < n; i++) {
                max = Math.max(max, values[i]);
            }
        } else {
            int[] values = ((IntVector) key).values();
            for (int i = 0; i < n; i++) {
                max = Math.max(max, values[i]);
            }
        }
        if (max < direct.length || max >= DIRECT_KEYS) {
            return;
        }
        int length = (int) Math.min(DIRECT_KEYS, Math.max(1024, Integer.highestOneBit((int) max) * 2L));
        if (length <= Math.max(DIRECT_MINIMUM, (long) DIRECT_SPARSENESS * ((long) groupCount + n))) {
            growDirect(length);
        }
    }

    /** Extends the direct array to {@code length} and moves the hashed keys now below it into the array. */
    private void growDirect(int length) {
        direct = Arrays.copyOf(direct, length);
        if (hashedCount == 0) {
            return;
        }
        long[] oldSlots = slots;
        allocate(slots.length / 2);
        hashedCount = 0;
        for (int i = 0; i < oldSlots.length; i += 2) {
            int group = (int) oldSlots[i + 1];
            if (group < 0) {
                continue;
            }
            long key = oldSlots[i];
            if (key >= 0 && key < length) {
                direct[(int) key] = group + 1;
            } else {
                place(key, group);
            }
        }
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = newGroup(0);
        }
        return nullGroup;
    }

    int lookup(long key) {
        if (key >= 0 && key < direct.length) {
            return direct[(int) key] - 1;
        }
        if (hashedCount == 0) {
            return -1;
        }
        long[] table = slots;
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            int group = (int) table[2 * slot + 1];
            if (group < 0) {
                return -1;
            }
            if (table[2 * slot] == key) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    int insert(long key) {
        long[] table = slots;
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            int group = (int) table[2 * slot + 1];
            if (group < 0) {
                group = newGroup(key);
                table[2 * slot] = key;
                table[2 * slot + 1] = group;
                if (++hashedCount * 2 > mask) {
                    grow();
                }
                return group;
            }
            if (table[2 * slot] == key) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int newGroup(long key) {
        if (groupCount == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, groupCount * 2);
        }
        groupKeys[groupCount] = key;
        return groupCount++;
    }

    private void grow() {
        long[] old = slots;
        allocate(old.length);
        hashedCount = 0;
        for (int i = 0; i < old.length; i += 2) {
            long group = old[i + 1];
            if (group >= 0) {
                place(old[i], (int) group);
            }
        }
    }

    /** Puts a key known to be absent into the hash slots (no growth check). */
    private void place(long key, int group) {
        int slot = (int) Hashing.mix(key) & mask;
        while (slots[2 * slot + 1] >= 0) {
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = group;
        hashedCount++;
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public List<Vector> keyColumns() {
        long[] validity = null;
        if (nullGroup >= 0) {
            validity = Bitmap.allSet(groupCount);
            Bitmap.clear(validity, nullGroup);
        }
        return List.of(Numbers.fromLongs(type, Arrays.copyOf(groupKeys, groupCount), validity, groupCount));
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        LongGroupTable that = (LongGroupTable) other;
        int[] mapping = new int[that.groupCount];
        for (int g = 0; g < that.groupCount; g++) {
            mapping[g] = g == that.nullGroup ? nullGroup() : insertOrDirect(that.groupKeys[g]);
        }
        return mapping;
    }
}
