package dev.floe.io.parquet.encoding;

/**
 * The RLE / bit-packing hybrid of the Parquet spec, used for definition and repetition levels, dictionary
 * indices and RLE booleans: runs of one repeated value and groups of eight bit-packed values.
 */
public final class RleBitPackedDecoder {
    private RleBitPackedDecoder() {
    }

    /**
     * Decodes {@code count} values of {@code bitWidth} bits from {@code reader} into {@code out[offset..]},
     * each checked to be at most {@code maxValue}.
     */
    public static void decode(ByteReader reader, int bitWidth, int count, int[] out, int offset, int maxValue) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new CorruptPageException("bit width " + bitWidth + " is outside 0..32");
        }
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, offset, offset + count, 0);
            return;
        }
        byte[] data = reader.data();
        int produced = 0;
        int byteWidth = (bitWidth + 7) >>> 3;
        long mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
        while (produced < count) {
            int header = reader.readUnsignedVarInt();
            if ((header & 1) == 0) {
                int run = header >>> 1;
                long value = reader.readLittleEndian(byteWidth);
                if (value > maxValue || run == 0) {
                    throw new CorruptPageException("RLE run of value " + value + " (length " + run
                            + ") is invalid where values are at most " + maxValue);
                }
                int take = Math.min(run, count - produced);
                java.util.Arrays.fill(out, offset + produced, offset + produced + take, (int) value);
                produced += take;
            } else {
                int groups = header >>> 1;
                long values = (long) groups * 8;
                long bytes = (long) groups * bitWidth;
                int available = reader.remaining();
                int usableBytes = (int) Math.min(bytes, available);
                int start = reader.skip(usableBytes);
                int take = (int) Math.min(values, count - produced);
                if ((long) take * bitWidth > (long) usableBytes * 8) {
                    throw new CorruptPageException("bit-packed run of " + values + " values is cut short");
                }
                long buffer = 0;
                int bits = 0;
                int position = start;
                int target = offset + produced;
                for (int i = 0; i < take; i++) {
                    while (bits < bitWidth) {
                        buffer |= (long) (data[position++] & 0xFF) << bits;
                        bits += 8;
                    }
                    int value = (int) (buffer & mask);
                    buffer >>>= bitWidth;
                    bits -= bitWidth;
                    if (Integer.compareUnsigned(value, maxValue) > 0) {
                        throw new CorruptPageException("bit-packed value " + Integer.toUnsignedString(value)
                                + " exceeds the maximum " + maxValue);
                    }
                    out[target + i] = value;
                }
                produced += take;
            }
        }
    }
}
