package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;
import java.util.Arrays;
import java.util.List;

/** Open-addressing group table for one key stored as int or long: no encoding, no allocation per row. */
final class LongGroupTable implements GroupTable {
    private final DataType type;
    private long[] slotKeys;
    private int[] slotGroups;
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
        slotKeys = new long[capacity];
        slotGroups = new int[capacity];
        Arrays.fill(slotGroups, -1);
        mask = capacity - 1;
    }

    @Override
    public int[] groupIds(List<Vector> keys, int n) {
        Vector key = keys.getFirst();
        int[] out = new int[n];
        long[] validity = key.validity();
        if (key instanceof LongVector longs) {
            long[] values = longs.values();
            for (int i = 0; i < n; i++) {
                out[i] = validity != null && !Bitmap.get(validity, i) ? nullGroup() : insert(values[i]);
            }
        } else {
            int[] values = ((IntVector) key).values();
            for (int i = 0; i < n; i++) {
                out[i] = validity != null && !Bitmap.get(validity, i) ? nullGroup() : insert(values[i]);
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
        for (int i = 0; i < n; i++) {
            if (validity != null && !Bitmap.get(validity, i)) {
                out[i] = nullsMatch ? nullGroup : -1;
            } else {
                out[i] = lookup(values[i]);
            }
        }
        return out;
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = newGroup(0);
        }
        return nullGroup;
    }

    int lookup(long key) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            int group = slotGroups[slot];
            if (group < 0) {
                return -1;
            }
            if (slotKeys[slot] == key) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    int insert(long key) {
        int slot = (int) Hashing.mix(key) & mask;
        while (true) {
            int group = slotGroups[slot];
            if (group < 0) {
                group = newGroup(key);
                slotKeys[slot] = key;
                slotGroups[slot] = group;
                if (groupCount * 2 > mask) {
                    grow();
                }
                return group;
            }
            if (slotKeys[slot] == key) {
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
        long[] oldKeys = slotKeys;
        int[] oldGroups = slotGroups;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            int group = oldGroups[i];
            if (group >= 0) {
                int slot = (int) Hashing.mix(oldKeys[i]) & mask;
                while (slotGroups[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slotKeys[slot] = oldKeys[i];
                slotGroups[slot] = group;
            }
        }
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
            mapping[g] = g == that.nullGroup ? nullGroup() : insert(that.groupKeys[g]);
        }
        return mapping;
    }
}
