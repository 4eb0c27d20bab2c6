package dev.floe.io.parquet.write;

import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.ValueBuffer;

/**
 * DELTA_BINARY_PACKED for INT32 and INT64 values: blocks of 128 deltas in 4 miniblocks of 32, each bit-packed
 * at its own width above the block's minimum delta. INT32 deltas wrap in 32 bits, INT64 in 64.
 */
final class DeltaBinaryPackedEncoder {
    private static final int BLOCK = 128;
    private static final int MINIBLOCKS = 4;
    private static final int PER_MINIBLOCK = BLOCK / MINIBLOCKS;

    private DeltaBinaryPackedEncoder() {
    }

    static void encode(ValueBuffer values, int from, int to, ByteSink out) {
        boolean int32 = values.kind == PhysicalKind.INT32;
        int count = to - from;
        out.writeUnsignedVarInt(BLOCK);
        out.writeUnsignedVarInt(MINIBLOCKS);
        out.writeUnsignedVarInt(count);
        if (count == 0) {
            writeZigZag(out, 0);
            return;
        }
        long previous = value(values, from, int32);
        writeZigZag(out, previous);
        long[] deltas = new long[BLOCK];
        int[] widths = new int[MINIBLOCKS];
        for (int blockStart = from + 1; blockStart < to; blockStart += BLOCK) {
            int size = Math.min(BLOCK, to - blockStart);
            long minDelta = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                long current = value(values, blockStart + i, int32);
                long delta = int32 ? (int) (current - previous) : current - previous;
                deltas[i] = delta;
                minDelta = Math.min(minDelta, delta);
                previous = current;
            }
            for (int i = 0; i < size; i++) {
                long shifted = deltas[i] - minDelta;
                deltas[i] = int32 ? shifted & 0xFFFFFFFFL : shifted;
            }
            for (int i = size; i < BLOCK; i++) {
                deltas[i] = 0;
            }
            int usedMiniblocks = (size + PER_MINIBLOCK - 1) / PER_MINIBLOCK;
            for (int m = 0; m < MINIBLOCKS; m++) {
                long bits = 0;
                if (m < usedMiniblocks) {
                    for (int i = m * PER_MINIBLOCK; i < (m + 1) * PER_MINIBLOCK; i++) {
                        bits |= deltas[i];
                    }
                }
                widths[m] = 64 - Long.numberOfLeadingZeros(bits);
            }
            writeZigZag(out, minDelta);
            for (int m = 0; m < MINIBLOCKS; m++) {
                out.write(widths[m]);
            }
            for (int m = 0; m < usedMiniblocks; m++) {
                pack(deltas, m * PER_MINIBLOCK, widths[m], out);
            }
        }
    }

    private static long value(ValueBuffer values, int index, boolean int32) {
        return int32 ? values.ints[index] : values.longs[index];
    }

    private static void pack(long[] deltas, int from, int width, ByteSink out) {
        if (width == 0) {
            return;
        }
        long buffer = 0;
        int bits = 0;
        for (int i = from; i < from + PER_MINIBLOCK; i++) {
            long value = deltas[i];
            int remaining = width;
            while (remaining > 0) {
                int take = Math.min(remaining, 64 - bits);
                long part = take == 64 ? value : value & ((1L << take) - 1);
                buffer |= part << bits;
                bits += take;
                value = take == 64 ? 0 : value >>> take;
                remaining -= take;
                while (bits >= 8) {
                    out.write((int) (buffer & 0xFF));
                    buffer >>>= 8;
                    bits -= 8;
                }
            }
        }
    }

    private static void writeZigZag(ByteSink out, long value) {
        long encoded = (value << 1) ^ (value >> 63);
        while ((encoded & ~0x7FL) != 0) {
            out.write((int) ((encoded & 0x7F) | 0x80));
            encoded >>>= 7;
        }
        out.write((int) encoded);
    }
}
