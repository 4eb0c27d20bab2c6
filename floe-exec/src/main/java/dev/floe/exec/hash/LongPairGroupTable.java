package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;
import java.util.Arrays;
import java.util.List;

/**
 * Open-addressing group table for two keys stored as int or long: each slot holds both keys, their null
 * flags and the group id in four adjacent longs, so no row is encoded into bytes. Pairs of non-null keys
 * that both fit in 32 unsigned bits (the common case: two id columns) live instead in a compact table
 * whose slots hold the two keys packed into one long next to the group id, half the memory per slot;
 * every pair always goes to the same one of the two tables, and both share one sequence of group ids.
 */
final class LongPairGroupTable implements GroupTable {
    private static final int WIDTH = 4;
    private static final int PACKED_WIDTH = 2;
    private final DataType firstType;
    private final DataType secondType;
    private long[] slots;
    private int mask;
    private int wideCount;
    private long[] packedSlots;
    private int packedMask;
    private int packedCount;
    private long[] groupKeys = new long[32];
    private byte[] groupNulls = new byte[16];
    private int groupCount;
    private volatile Presence keyPresence;

    LongPairGroupTable(DataType firstType, DataType secondType) {
        this.firstType = firstType;
        this.secondType = secondType;
        allocate(64);
        allocatePacked(64);
    }

    private void allocatePacked(int capacity) {
        packedSlots = new long[PACKED_WIDTH * capacity];
        for (int s = 1; s < packedSlots.length; s += PACKED_WIDTH) {
            packedSlots[s] = -1;
        }
        packedMask = capacity - 1;
    }

    /** Whether both keys are non-null and fit in 32 unsigned bits, so that one long holds the pair. */
    private static boolean packable(long a, long b, int nulls) {
        return nulls == 0 && ((a | b) >>> 32) == 0;
    }

    private void allocate(int capacity) {
        slots = new long[WIDTH * capacity];
        for (int s = 3; s < slots.length; s += WIDTH) {
            slots[s] = -1;
        }
        mask = capacity - 1;
    }

    private static long hash(long first, long second, int nulls) {
        return Hashing.mix(Hashing.mix(first) ^ second * 0xC2B2AE3D27D4EB4FL ^ nulls);
    }

    @Override
    public int[] groupIds(List<Vector> keys, int n) {
        return lookupAll(keys, n, true, true);
    }

    @Override
    public int[] find(List<Vector> keys, int n, boolean nullsMatch) {
        return lookupAll(keys, n, false, nullsMatch);
    }

    private int[] lookupAll(List<Vector> keys, int n, boolean insert, boolean nullsMatch) {
        long[] first = Numbers.longs(keys.get(0));
        long[] second = Numbers.longs(keys.get(1));
        long[] firstValidity = keys.get(0).validity();
        long[] secondValidity = keys.get(1).validity();
        int[] out = new int[n];
        KeyPresence[] presence = insert ? null : keyPresence();
        boolean filters = presence != null && (presence[0].filters() || presence[1].filters());
        for (int i = 0; i < n; i++) {
            int nulls = (firstValidity != null && !Bitmap.get(firstValidity, i) ? 1 : 0)
                    | (secondValidity != null && !Bitmap.get(secondValidity, i) ? 2 : 0);
            long a = (nulls & 1) != 0 ? 0 : first[i];
            long b = (nulls & 2) != 0 ? 0 : second[i];
            if (!insert && nulls != 0 && !nullsMatch) {
                out[i] = -1;
            } else if (filters && nulls == 0 && !(presence[0].mayContain(a) && presence[1].mayContain(b))) {
                out[i] = -1;
            } else {
                out[i] = probe(a, b, nulls, insert);
            }
        }
        return out;
    }

    /**
     * The {@link KeyPresence} of the first and of the second keys (of groups where that key is not null), computed
     * at the first {@link #find} after the last insert: a probe pair with an absent key misses without a slot read.
     */
    private KeyPresence[] keyPresence() {
        Presence presence = keyPresence;
        if (presence == null || presence.groupCount() != groupCount) {
            boolean[] firstNull = new boolean[groupCount];
            boolean[] secondNull = new boolean[groupCount];
            for (int g = 0; g < groupCount; g++) {
                firstNull[g] = (groupNulls[g] & 1) != 0;
                secondNull[g] = (groupNulls[g] & 2) != 0;
            }
            presence = new Presence(new KeyPresence[] {KeyPresence.of(groupKeys, 0, 2, groupCount, firstNull),
                KeyPresence.of(groupKeys, 1, 2, groupCount, secondNull)}, groupCount);
            keyPresence = presence;
        }
        return presence.keys();
    }

    /** The key sets and the group count they were computed for. */
    private record Presence(KeyPresence[] keys, int groupCount) {
    }

    private int probe(long a, long b, int nulls, boolean insert) {
        return packable(a, b, nulls) ? probePacked(a << 32 | b, a, b, insert) : probeWide(a, b, nulls, insert);
    }

    private int probePacked(long key, long a, long b, boolean insert) {
        int slot = (int) Hashing.mix(key) & packedMask;
        while (true) {
            int at = PACKED_WIDTH * slot;
            long group = packedSlots[at + 1];
            if (group < 0) {
                if (!insert) {
                    return -1;
                }
                int created = newGroup(a, b, 0);
                packedSlots[at] = key;
                packedSlots[at + 1] = created;
                packedCount++;
                if (packedCount * 2 > packedMask) {
                    growPacked();
                }
                return created;
            }
            if (packedSlots[at] == key) {
                return (int) group;
            }
            slot = (slot + 1) & packedMask;
        }
    }

    private void growPacked() {
        long[] old = packedSlots;
        allocatePacked(2 * (packedMask + 1));
        for (int at = 0; at < old.length; at += PACKED_WIDTH) {
            if (old[at + 1] >= 0) {
                int slot = (int) Hashing.mix(old[at]) & packedMask;
                while (packedSlots[PACKED_WIDTH * slot + 1] >= 0) {
                    slot = (slot + 1) & packedMask;
                }
                packedSlots[PACKED_WIDTH * slot] = old[at];
                packedSlots[PACKED_WIDTH * slot + 1] = old[at + 1];
            }
        }
    }

    private int probeWide(long a, long b, int nulls, boolean insert) {
        int slot = (int) hash(a, b, nulls) & mask;
        while (true) {
            int at = WIDTH * slot;
            long group = slots[at + 3];
            if (group < 0) {
                if (!insert) {
                    return -1;
                }
                int created = newGroup(a, b, nulls);
                slots[at] = a;
                slots[at + 1] = b;
                slots[at + 2] = nulls;
                slots[at + 3] = created;
                wideCount++;
                if (wideCount * 2 > mask) {
                    grow();
                }
                return created;
            }
            if (slots[at] == a && slots[at + 1] == b && slots[at + 2] == nulls) {
                return (int) group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int newGroup(long a, long b, int nulls) {
        if (2 * groupCount + 2 > groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, groupKeys.length * 2);
            groupNulls = Arrays.copyOf(groupNulls, groupNulls.length * 2);
        }
        groupKeys[2 * groupCount] = a;
        groupKeys[2 * groupCount + 1] = b;
        groupNulls[groupCount] = (byte) nulls;
        return groupCount++;
    }

    private void grow() {
        long[] old = slots;
        allocate(2 * (mask + 1));
        for (int at = 0; at < old.length; at += WIDTH) {
            if (old[at + 3] >= 0) {
                int slot = (int) hash(old[at], old[at + 1], (int) old[at + 2]) & mask;
                while (slots[WIDTH * slot + 3] >= 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, at, slots, WIDTH * slot, WIDTH);
            }
        }
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public List<Vector> keyColumns() {
        long[] first = new long[groupCount];
        long[] second = new long[groupCount];
        long[] firstValidity = Bitmap.allSet(groupCount);
        long[] secondValidity = Bitmap.allSet(groupCount);
        for (int g = 0; g < groupCount; g++) {
            first[g] = groupKeys[2 * g];
            second[g] = groupKeys[2 * g + 1];
            if ((groupNulls[g] & 1) != 0) {
                Bitmap.clear(firstValidity, g);
            }
            if ((groupNulls[g] & 2) != 0) {
                Bitmap.clear(secondValidity, g);
            }
        }
        return List.of(Numbers.fromLongs(firstType, first, Bitmap.normalize(firstValidity, groupCount), groupCount),
                Numbers.fromLongs(secondType, second, Bitmap.normalize(secondValidity, groupCount), groupCount));
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        LongPairGroupTable that = (LongPairGroupTable) other;
        int[] mapping = new int[that.groupCount];
        for (int g = 0; g < that.groupCount; g++) {
            mapping[g] = probe(that.groupKeys[2 * g], that.groupKeys[2 * g + 1], that.groupNulls[g], true);
        }
        return mapping;
    }
}
