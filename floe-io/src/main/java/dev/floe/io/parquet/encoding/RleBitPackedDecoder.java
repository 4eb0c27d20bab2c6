package dev.floe.io.parquet.encoding;

/**
 * The RLE / bit-packing hybrid of the Parquet spec, used for definition and repetition levels, dictionary
 * indices and RLE booleans: runs of one repeated value and groups of eight bit-packed values.
 */
public final class RleBitPackedDecoder {
    private RleBitPackedDecoder() {
    }

    /**
     * Whether the hybrid section starts with an RLE run of {@code value} covering at least {@code count} entries
     * (definition levels of a page without nulls); the reader does not move.
     */
    public static boolean startsWithRun(ByteReader section, int bitWidth, int count, int value) {
        if (count == 0 || section.remaining() < 2) {
            return false;
        }
        ByteReader probe = new ByteReader(section.data(), section.position(), section.end());
        long header = probe.readUnsignedVarLong();
        if ((header & 1) != 0 || (header >>> 1) < count) {
            return false;
        }
        int byteWidth = (bitWidth + 7) >>> 3;
        return probe.remaining() >= byteWidth && probe.readLittleEndian(byteWidth) == value;
    }

    /** Unpacks with one unaligned 8-byte load per value; the caller guarantees 8 readable bytes past the run. */
    private static void unpackFast(byte[] data, int start, int bitWidth, int count, int[] out, int target,
            int maxValue) {
        long mask = (1L << bitWidth) - 1;
        long bit = (long) start * 8;
        int largest = 0;
        for (int i = 0; i < count; i++) {
            long word = (long) ByteReader.LONG.get(data, (int) (bit >>> 3));
            int value = (int) ((word >>> (bit & 7)) & mask);
            largest |= value;
            out[target + i] = value;
            bit += bitWidth;
        }
        if (Integer.compareUnsigned(largest, maxValue) > 0) {
            for (int i = 0; i < count; i++) {
                if (Integer.compareUnsigned(out[target + i], maxValue) > 0) {
                    throw new CorruptPageException("bit-packed value " + Integer.toUnsignedString(out[target + i])
                            + " exceeds the maximum " + maxValue);
                }
            }
        }
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
                if (value > (maxValue & 0xFFFFFFFFL) || run == 0) {
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
                int target = offset + produced;
                if (bitWidth <= 32 && start + usableBytes + 8 <= data.length) {
                    unpackFast(data, start, bitWidth, take, out, target, maxValue);
                    produced += take;
                    continue;
                }
                long buffer = 0;
                int bits = 0;
                int position = start;
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

    /**
     * Decodes only the values at {@code positions[0..n)} (ascending, each below {@code count}) into
     * {@code out[0..n)}: runs are walked by their headers, bit-packed values read where they are.
     */
    public static void decodeAt(ByteReader reader, int bitWidth, int count, int[] positions, int n, int[] out,
            int maxValue) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new CorruptPageException("bit width " + bitWidth + " is outside 0..32");
        }
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, 0, n, 0);
            return;
        }
        byte[] data = reader.data();
        int byteWidth = (bitWidth + 7) >>> 3;
        long mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
        int produced = 0;
        int k = 0;
        while (k < n) {
            if (produced >= count) {
                throw new CorruptPageException("value position " + positions[k] + " is beyond " + count + " values");
            }
            int header = reader.readUnsignedVarInt();
            if ((header & 1) == 0) {
                int run = header >>> 1;
                long value = reader.readLittleEndian(byteWidth);
                if (value > (maxValue & 0xFFFFFFFFL) || run == 0) {
                    throw new CorruptPageException("RLE run of value " + value + " (length " + run
                            + ") is invalid where values are at most " + maxValue);
                }
                int runEnd = produced + Math.min(run, count - produced);
                while (k < n && positions[k] < runEnd) {
                    out[k++] = (int) value;
                }
                produced = runEnd;
            } else {
                long groups = header >>> 1;
                int usableBytes = (int) Math.min(groups * bitWidth, reader.remaining());
                int start = reader.skip(usableBytes);
                int take = (int) Math.min(groups * 8, count - produced);
                if ((long) take * bitWidth > (long) usableBytes * 8) {
                    throw new CorruptPageException("bit-packed run of " + groups * 8 + " values is cut short");
                }
                int runEnd = produced + take;
                while (k < n && positions[k] < runEnd) {
                    long bit = (long) start * 8 + (long) (positions[k] - produced) * bitWidth;
                    int index = (int) (bit >>> 3);
                    long word;
                    if (index + 8 <= data.length) {
                        word = (long) ByteReader.LONG.get(data, index);
                    } else {
                        word = 0;
                        for (int b = 0; b < 8 && index + b < data.length; b++) {
                            word |= (long) (data[index + b] & 0xFF) << (8 * b);
                        }
                    }
                    int value = (int) ((word >>> (bit & 7)) & mask);
                    if (Integer.compareUnsigned(value, maxValue) > 0) {
                        throw new CorruptPageException("bit-packed value " + Integer.toUnsignedString(value)
                                + " exceeds the maximum " + maxValue);
                    }
                    out[k++] = value;
                }
                produced = runEnd;
            }
        }
    }

    /**
     * Decodes {@code count} dictionary indices of {@code bitWidth} bits and writes, for each, {@code verdicts} of
     * that index into {@code out[offset..]}: an RLE run is looked up once and filled, bit-packed indices are
     * unpacked eight at a time and looked up; no index is stored. Each index is checked to be below
     * {@code verdicts.length}.
     */
    public static void decodeMapped(ByteReader reader, int bitWidth, int count, boolean[] verdicts, boolean[] out,
            int offset) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new CorruptPageException("bit width " + bitWidth + " is outside 0..32");
        }
        if (verdicts.length == 0 && count > 0) {
            throw new CorruptPageException("dictionary indices into an empty dictionary");
        }
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, offset, offset + count, verdicts[0]);
            return;
        }
        byte[] data = reader.data();
        int byteWidth = (bitWidth + 7) >>> 3;
        long mask = bitWidth == 32 ? 0xFFFFFFFFL : (1L << bitWidth) - 1;
        long limit = verdicts.length;
        int produced = 0;
        while (produced < count) {
            int header = reader.readUnsignedVarInt();
            if ((header & 1) == 0) {
                int run = header >>> 1;
                long value = reader.readLittleEndian(byteWidth);
                if (value >= limit || run == 0) {
                    throw new CorruptPageException("RLE run of index " + value + " (length " + run
                            + ") is invalid for a dictionary of " + limit + " values");
                }
                int take = Math.min(run, count - produced);
                java.util.Arrays.fill(out, offset + produced, offset + produced + take, verdicts[(int) value]);
                produced += take;
            } else {
                long groups = header >>> 1;
                int usableBytes = (int) Math.min(groups * bitWidth, reader.remaining());
                int start = reader.skip(usableBytes);
                int take = (int) Math.min(groups * 8, count - produced);
                if ((long) take * bitWidth > (long) usableBytes * 8) {
                    throw new CorruptPageException("bit-packed run of " + groups * 8 + " values is cut short");
                }
                int target = offset + produced;
                long bit = (long) start * 8;
                boolean fast = start + usableBytes + 8 <= data.length;
                int i = 0;
                if (fast && bitWidth <= 8) {
                    i = mappedGroups(data, start, bitWidth, take, verdicts, out, target);
                    bit += (long) i * bitWidth;
                }
                for (; i < take; i++) {
                    int index = (int) (bit >>> 3);
                    long word;
                    if (fast) {
                        word = (long) ByteReader.LONG.get(data, index);
                    } else {
                        word = 0;
                        for (int b = 0; b < 8 && index + b < data.length; b++) {
                            word |= (long) (data[index + b] & 0xFF) << (8 * b);
                        }
                    }
                    long value = (word >>> (bit & 7)) & mask;
                    if (value >= limit) {
                        throw new CorruptPageException("bit-packed index " + value + " is beyond a dictionary of "
                                + limit + " values");
                    }
                    out[target + i] = verdicts[(int) value];
                    bit += bitWidth;
                }
                produced += take;
            }
        }
    }

    /**
     * The whole groups of eight indices of a bit-packed run of {@code bitWidth <= 8} bits (a group is
     * {@code bitWidth} bytes: one 8-byte load) mapped to their verdicts; returns how many indices were mapped.
     */
    private static int mappedGroups(byte[] data, int start, int bitWidth, int take, boolean[] verdicts,
            boolean[] out, int target) {
        int mask = (1 << bitWidth) - 1;
        int groups = take >>> 3;
        try {
            for (int g = 0; g < groups; g++) {
                long word = (long) ByteReader.LONG.get(data, start + g * bitWidth);
                int base = target + (g << 3);
                for (int j = 0; j < 8; j++) {
                    out[base + j] = verdicts[(int) (word >>> (j * bitWidth)) & mask];
                }
            }
        } catch (ArrayIndexOutOfBoundsException beyond) {
            throw new CorruptPageException("a bit-packed index is beyond a dictionary of " + verdicts.length
                    + " values");
        }
        return groups << 3;
    }
}
