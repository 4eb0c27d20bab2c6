package dev.floe.io.parquet.encoding;

/** DELTA_BINARY_PACKED: blocks of bit-packed deltas from a first value, for INT32 and INT64 columns. */
public final class DeltaBinaryPackedDecoder {
    private DeltaBinaryPackedDecoder() {
    }

    /**
     * Decodes the values of one stream into {@code out[offset..]}, at most {@code limit} of them, and returns how
     * many the stream holds; the reader is left after the stream's last used miniblock.
     */
    public static int decode(ByteReader reader, long[] out, int offset, int limit) {
        int blockSize = reader.readUnsignedVarInt();
        int miniblocks = reader.readUnsignedVarInt();
        int total = reader.readUnsignedVarInt();
        long value = reader.readZigZagVarLong();
        if (miniblocks <= 0 || blockSize <= 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 8 != 0) {
            throw new CorruptPageException("DELTA_BINARY_PACKED block size " + blockSize + " with " + miniblocks
                    + " miniblocks is invalid");
        }
        if (total > limit) {
            throw new CorruptPageException("DELTA_BINARY_PACKED stream holds " + total + " values where at most "
                    + limit + " fit");
        }
        if (total == 0) {
            return 0;
        }
        int perMiniblock = blockSize / miniblocks;
        byte[] data = reader.data();
        out[offset] = value;
        int produced = 1;
        int[] widths = new int[miniblocks];
        while (produced < total) {
            long minDelta = reader.readZigZagVarLong();
            for (int i = 0; i < miniblocks; i++) {
                widths[i] = reader.readByte();
            }
            for (int m = 0; m < miniblocks && produced < total; m++) {
                int width = widths[m];
                if (width > 64) {
                    throw new CorruptPageException("miniblock bit width " + width + " exceeds 64");
                }
                int start = reader.skip(perMiniblock / 8 * width);
                int take = Math.min(perMiniblock, total - produced);
                if (width == 0) {
                    for (int i = 0; i < take; i++) {
                        value += minDelta;
                        out[offset + produced++] = value;
                    }
                    continue;
                }
                long bitPosition = (long) start * 8;
                long mask = width == 64 ? -1L : (1L << width) - 1;
                for (int i = 0; i < take; i++) {
                    long delta = readBits(data, bitPosition, width) & mask;
                    bitPosition += width;
                    value += minDelta + delta;
                    out[offset + produced++] = value;
                }
            }
        }
        return total;
    }

    private static long readBits(byte[] data, long bitPosition, int width) {
        int index = (int) (bitPosition >>> 3);
        int shift = (int) (bitPosition & 7);
        long result = 0;
        int got = 0;
        int needed = width + shift;
        while (got < needed) {
            result |= (long) (data[index++] & 0xFF) << got;
            got += 8;
            if (got >= 64 && got < needed) {
                long high = data[index] & 0xFFL;
                return (result >>> shift) | (high << (64 - shift));
            }
        }
        return result >>> shift;
    }
}
