package dev.floe.io.parquet.write;

/** Writes the RLE / bit-packing hybrid: runs of eight or more equal values as RLE, the rest bit-packed. */
final class RleEncoder {
    private RleEncoder() {
    }

    static void encode(int[] values, int from, int to, int bitWidth, ByteSink out) {
        int i = from;
        int byteWidth = (bitWidth + 7) >>> 3;
        while (i < to) {
            int run = runLength(values, i, to);
            if (run >= 8) {
                out.writeUnsignedVarInt(run << 1);
                int value = values[i];
                for (int b = 0; b < byteWidth; b++) {
                    out.write((value >>> (8 * b)) & 0xFF);
                }
                i += run;
                continue;
            }
            int start = i;
            int groups = 0;
            do {
                i = Math.min(i + 8, to);
                groups++;
            } while (i < to && runLength(values, i, to) < 8);
            out.writeUnsignedVarInt(groups << 1 | 1);
            long buffer = 0;
            int bits = 0;
            for (int k = 0; k < groups * 8; k++) {
                int index = start + k;
                long value = index < i ? values[index] & 0xFFFFFFFFL : 0;
                buffer |= value << bits;
                bits += bitWidth;
                while (bits >= 8) {
                    out.write((int) (buffer & 0xFF));
                    buffer >>>= 8;
                    bits -= 8;
                }
            }
        }
    }

    private static int runLength(int[] values, int from, int to) {
        int value = values[from];
        int end = from + 1;
        while (end < to && values[end] == value) {
            end++;
        }
        return end - from;
    }
}
