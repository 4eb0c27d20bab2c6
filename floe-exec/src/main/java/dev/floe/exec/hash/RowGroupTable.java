package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import java.util.Arrays;
import java.util.List;

/** Group table for any flat key columns: each row's keys are encoded into bytes kept in one arena. */
final class RowGroupTable implements GroupTable {
    private final List<DataType> types;
    private final KeyEncoder.ByteBuffer scratch = new KeyEncoder.ByteBuffer();
    private byte[] arena = new byte[1024];
    private int arenaSize;
    private int[] groupStarts = new int[16];
    private long[] groupHashes = new long[16];
    private int groupCount;
    private int[] slots;
    private int mask;

    RowGroupTable(List<DataType> types) {
        this.types = List.copyOf(types);
        types.forEach(KeyEncoder::checkSupported);
        slots = new int[64];
        Arrays.fill(slots, -1);
        mask = 63;
    }

    @Override
    public int[] groupIds(List<Vector> keys, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            scratch.reset();
            KeyEncoder.encode(keys, i, scratch);
            out[i] = insert(scratch.data, 0, scratch.size, Hashing.bytes(scratch.data, 0, scratch.size));
        }
        return out;
    }

    @Override
    public int[] find(List<Vector> keys, int n, boolean nullsMatch) {
        int[] out = new int[n];
        KeyEncoder.ByteBuffer scratch = new KeyEncoder.ByteBuffer();
        for (int i = 0; i < n; i++) {
            scratch.reset();
            boolean allValid = KeyEncoder.encode(keys, i, scratch);
            out[i] = !allValid && !nullsMatch ? -1
                    : lookup(scratch.data, 0, scratch.size, Hashing.bytes(scratch.data, 0, scratch.size));
        }
        return out;
    }

    private int lookup(byte[] key, int start, int end, long hash) {
        int slot = (int) hash & mask;
        while (true) {
            int group = slots[slot];
            if (group < 0) {
                return -1;
            }
            if (groupHashes[group] == hash && sameKey(group, key, start, end)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(byte[] key, int start, int end, long hash) {
        int slot = (int) hash & mask;
        while (true) {
            int group = slots[slot];
            if (group < 0) {
                group = newGroup(key, start, end, hash);
                slots[slot] = group;
                if (groupCount * 2 > mask) {
                    grow();
                }
                return group;
            }
            if (groupHashes[group] == hash && sameKey(group, key, start, end)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameKey(int group, byte[] key, int start, int end) {
        int groupStart = groupStarts[group];
        int groupEnd = group + 1 < groupCount ? groupStarts[group + 1] : arenaSize;
        return Arrays.equals(arena, groupStart, groupEnd, key, start, end);
    }

    private int newGroup(byte[] key, int start, int end, long hash) {
        if (groupCount + 1 >= groupStarts.length) {
            groupStarts = Arrays.copyOf(groupStarts, groupStarts.length * 2);
            groupHashes = Arrays.copyOf(groupHashes, groupHashes.length * 2);
        }
        int length = end - start;
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaSize + length, arena.length * 2));
        }
        System.arraycopy(key, start, arena, arenaSize, length);
        groupStarts[groupCount] = arenaSize;
        groupHashes[groupCount] = hash;
        arenaSize += length;
        return groupCount++;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int g = 0; g < groupCount; g++) {
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
        return KeyDecoder.decode(types, arena, groupStarts, groupCount);
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        RowGroupTable that = (RowGroupTable) other;
        int[] mapping = new int[that.groupCount];
        for (int g = 0; g < that.groupCount; g++) {
            int start = that.groupStarts[g];
            int end = g + 1 < that.groupCount ? that.groupStarts[g + 1] : that.arenaSize;
            mapping[g] = insert(that.arena, start, end, that.groupHashes[g]);
        }
        return mapping;
    }
}
