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
 * Group table for one key stored as int or long: no encoding, no allocation per row. Keys in a window
 * {@code [directBase, directBase + direct.length)} (placed at the first keys and grown on demand, up or down, while
 * the keys are dense enough) find their group by indexing an int array; other keys go to an open-addressing table
 * whose slots keep key and group id side by side ({@code slots[2s]}, {@code slots[2s + 1]}) so a probe touches one
 * cache line. A key is in the direct array if and only if it is in the window. The window need not start at 0: a
 * distributed task's keys are often a dense run far from 0 (a run of row groups sorted by the key).
 * {@link #find} tests a {@link KeyPresence} of sparse keys before either.
 */
final class LongGroupTable implements GroupTable {
    private final DataType type;
    /**
     * The direct window spans at most this many keys (perfect hashing instead of probing); 2^26 covers SF10's order
     * keys (up to 60 M), whose sorted runs then cost sequential reads instead of random probes.
     */
    private static final int DIRECT_KEYS = 1 << 26;
    /**
     * The direct array grows to a length only while it is at most this many times the group count: 32 int slots
     * (128 bytes) per group is about the peak of the hash slots while they double (16 bytes a slot, 2 to 4 slots
     * per group before, twice that during the copy), and keeps the final aggregation after a hash shuffle on six
     * partitions (every 24th order key) direct.
     */
    private static final int DIRECT_SPARSENESS = 32;
    private static final int DIRECT_MINIMUM = 1 << 20;
    /** Probes test the key set first ({@link KeyPresence}); recomputed when groups were added since. */
    private volatile Presence keyPresence;
    private int hashedCount;
    /** Group id + 1 per key of the window; 0 (a fresh array's value, no fill needed) means absent. */
    private int[] direct = new int[0];
    /** The key of {@code direct[0]}. */
    private long directBase;
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
                    long offset = value - directBase;
                    previousGroup = offset >= 0 && offset < direct.length ? directGroup((int) offset)
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

    /** The group of the key at {@code offset} in the direct window, created when absent. */
    private int directGroup(int offset) {
        int group = direct[offset] - 1;
        if (group < 0) {
            group = newGroup(directBase + offset);
            direct[offset] = group + 1;
        }
        return group;
    }

    /** Indexes a key of the direct window (growing it when the keys are dense enough), else hashes it. */
    private int insertOrDirect(long key) {
        long offset = key - directBase;
        if (offset >= 0 && offset < direct.length) {
            return directGroup((int) offset);
        }
        if (coverDirect(key, key, groupCount + 1L)) {
            return directGroup((int) (key - directBase));
        }
        return insert(key);
    }

    /**
     * Grows the direct window to cover keys {@code [low, high]} when it then stays dense enough for
     * {@code groups} groups (at most {@link #DIRECT_SPARSENESS} slots per group, or {@link #DIRECT_MINIMUM} slots):
     * lengths at least double while that budget allows, growing downward from the window's top so that keys falling
     * ever lower cost few copies.
     * An empty window starts at 0 when the keys are near it, else at {@code low}. Returns whether it now covers them.
     */
    private boolean coverDirect(long low, long high, long groups) {
        if (low < Long.MIN_VALUE + 2L * DIRECT_KEYS || high > Long.MAX_VALUE - 2L * DIRECT_KEYS) {
            return false; // keys at the ends of the range of longs always hash: window bounds never overflow
        }
        long base;
        long end;
        if (direct.length == 0) {
            base = low >= 0 && low < Math.max(1024, high - low + 1) ? 0 : low;
            end = high;
        } else {
            base = Math.min(directBase, low);
            end = Math.max(directBase + direct.length - 1, high);
        }
        long span = end - base + 1;
        if (span <= 0 || end < base || span > DIRECT_KEYS) {
            return false;
        }
        long budget = Math.min(DIRECT_KEYS, Math.max(DIRECT_MINIMUM, DIRECT_SPARSENESS * groups));
        if (span > budget) {
            return false;
        }
        // Double while the budget allows (few copies), else take the whole budget: keys arriving in ascending order
        // at a density near the limit then still grow the window by a third or more each time.
        int length = (int) Math.min(budget, Math.max(Math.max(1024, Long.highestOneBit(span - 1) * 2),
                2L * direct.length));
        length = (int) Math.max(length, span);
        if (length < direct.length + (direct.length >> 2)) {
            return false; // hash a while rather than copy the window for a small step (quadratic when near the limit)
        }
        if (direct.length > 0 && base < directBase) {
            // Grow downward: the window's top stays where it is (or rises to the highest key).
            base = Math.max(directBase + direct.length, high + 1) - length;
            if (base > low) {
                return false;
            }
        }
        growDirect(base, length);
        return true;
    }

    /**
     * Grows the direct window at once to cover the smallest and largest key of a batch when the batch alone could
     * fill it densely enough (a join build's single call), instead of hashing keys outside it and moving them later.
     */
    private void reserveDirect(Vector key, int n) {
        if (n == 0) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        if (key instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < n; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        } else {
            int[] values = ((IntVector) key).values();
            for (int i = 0; i < n; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (min - directBase >= 0 && max - directBase < direct.length) {
            return;
        }
        coverDirect(min, max, (long) groupCount + n);
    }

    /**
     * Moves the direct window to {@code [base, base + length)} (which holds the current one) and moves the hashed
     * keys now inside it into the array.
     */
    private void growDirect(long base, int length) {
        int[] grown = new int[length];
        if (direct.length > 0) {
            System.arraycopy(direct, 0, grown, (int) (directBase - base), direct.length);
        }
        direct = grown;
        directBase = base;
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
            long offset = key - base;
            if (offset >= 0 && offset < length) {
                direct[(int) offset] = group + 1;
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

    /** Whether the key finds its group by indexing (for tests of the window's placement). */
    boolean inDirectWindow(long key) {
        long offset = key - directBase;
        return offset >= 0 && offset < direct.length;
    }

    int lookup(long key) {
        long offset = key - directBase;
        if (offset >= 0 && offset < direct.length) {
            return direct[(int) offset] - 1;
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
