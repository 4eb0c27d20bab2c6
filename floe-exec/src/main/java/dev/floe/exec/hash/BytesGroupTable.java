package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.BytesVectorBuilder;
import dev.floe.core.vector.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * Group table for one string or binary key: hashes and compares the vector's bytes in place (no row encoding)
 * and keeps each distinct key once in a byte arena; null is its own group. One-byte keys (flags and status
 * codes such as q1's) are looked up directly by their byte, without hashing.
 */
final class BytesGroupTable implements GroupTable {
    private final DataType type;
    private byte[] arena = new byte[1024];
    private int[] groupStarts = new int[17];
    private long[] groupHashes = new long[16];
    private int groupCount;
    private int nullGroup = -1;
    /** The group of each one-byte key, -1 while absent; complete, since {@link #newGroup} fills it. */
    private final int[] singleByteGroups = new int[256];
    private int[] slots;
    private int mask;

    BytesGroupTable(DataType type) {
        this.type = type;
        slots = new int[64];
        Arrays.fill(slots, -1);
        mask = 63;
        Arrays.fill(singleByteGroups, -1);
    }

    static boolean supports(DataType type) {
        return BytesVector.accepts(type);
    }

    @Override
    public int[] groupIds(List<Vector> keys, int n) {
        BytesVector key = (BytesVector) keys.getFirst();
        byte[] data = key.data();
        int[] offsets = key.offsets();
        long[] validity = key.validity();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (validity != null && !Bitmap.get(validity, i)) {
                if (nullGroup < 0) {
                    nullGroup = newGroup(data, 0, 0, 0);
                }
                out[i] = nullGroup;
            } else {
                int start = offsets[i];
                int end = offsets[i + 1];
                int group = end - start == 1 ? singleByteGroups[data[start] & 0xFF] : -1;
                out[i] = group >= 0 ? group : probe(data, start, end, Hashing.bytes(data, start, end), true);
            }
        }
        return out;
    }

    @Override
    public int[] find(List<Vector> keys, int n, boolean nullsMatch) {
        BytesVector key = (BytesVector) keys.getFirst();
        byte[] data = key.data();
        int[] offsets = key.offsets();
        long[] validity = key.validity();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (validity != null && !Bitmap.get(validity, i)) {
                out[i] = nullsMatch ? nullGroup : -1;
            } else {
                int start = offsets[i];
                int end = offsets[i + 1];
                out[i] = end - start == 1 ? singleByteGroups[data[start] & 0xFF]
                        : probe(data, start, end, Hashing.bytes(data, start, end), false);
            }
        }
        return out;
    }

    private int probe(byte[] key, int start, int end, long hash, boolean insert) {
        int slot = (int) hash & mask;
        while (true) {
            int group = slots[slot];
            if (group < 0) {
                if (!insert) {
                    return -1;
                }
                group = newGroup(key, start, end, hash);
                slots[slot] = group;
                if (groupCount * 2 > mask) {
                    grow();
                }
                return group;
            }
            if (groupHashes[group] == hash && group != nullGroup
                    && sameBytes(arena, groupStarts[group], groupStarts[group + 1], key, start, end)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Byte equality; short keys (flags, codes, names) are compared inline, which beats the intrinsic's call. */
    private static boolean sameBytes(byte[] a, int aStart, int aEnd, byte[] b, int bStart, int bEnd) {
        int length = aEnd - aStart;
        if (length != bEnd - bStart) {
            return false;
        }
        if (length > 16) {
            return Arrays.equals(a, aStart, aEnd, b, bStart, bEnd);
        }
        for (int i = 0; i < length; i++) {
            if (a[aStart + i] != b[bStart + i]) {
                return false;
            }
        }
        return true;
    }

    private int newGroup(byte[] key, int start, int end, long hash) {
        if (groupCount == groupHashes.length) {
            int capacity = groupHashes.length * 2;
            groupHashes = Arrays.copyOf(groupHashes, capacity);
            groupStarts = Arrays.copyOf(groupStarts, capacity + 1);
        }
        int length = end - start;
        int at = groupStarts[groupCount];
        if (at + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(at + length, arena.length * 2));
        }
        System.arraycopy(key, start, arena, at, length);
        groupHashes[groupCount] = hash;
        groupStarts[groupCount + 1] = at + length;
        if (length == 1) {
            singleByteGroups[key[start] & 0xFF] = groupCount;
        }
        return groupCount++;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int g = 0; g < groupCount; g++) {
            if (g == nullGroup) {
                continue;
            }
            int slot = (int) groupHashes[g] & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = g;
        }
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public List<Vector> keyColumns() {
        BytesVectorBuilder builder = new BytesVectorBuilder(type, groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (g == nullGroup) {
                builder.appendNull();
            } else {
                builder.append(arena, groupStarts[g], groupStarts[g + 1] - groupStarts[g]);
            }
        }
        return List.of(builder.build());
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        BytesGroupTable that = (BytesGroupTable) other;
        int[] mapping = new int[that.groupCount];
        for (int g = 0; g < that.groupCount; g++) {
            if (g == that.nullGroup) {
                if (nullGroup < 0) {
                    nullGroup = newGroup(arena, 0, 0, 0);
                }
                mapping[g] = nullGroup;
            } else {
                mapping[g] = probe(that.arena, that.groupStarts[g], that.groupStarts[g + 1], that.groupHashes[g], true);
            }
        }
        return mapping;
    }
}
