package dev.floe.io.ipc;

import dev.floe.io.codec.CodecLibrary;

/**
 * Decodes an LZ4 frame (the format Arrow's LZ4_FRAME bodies use) into a byte array of known size. Blocks may be
 * independent or linked (a match may reach into earlier blocks), so every block is decoded into the one
 * output array. Malformed input raises {@link IllegalArgumentException}.
 */
final class Lz4FrameDecoder {
    private static final int MAGIC = 0x184D2204;

    private Lz4FrameDecoder() {
    }

    static byte[] decode(byte[] in, int start, int end, int outputLength) {
        byte[] out = new byte[outputLength];
        int p = start;
        int written = 0;
        while (p < end) {
            int magic = readInt(in, p, end);
            p += 4;
            if ((magic & 0xFFFFFFF0) == 0x184D2A50) {
                p += 4 + readInt(in, p, end);
                continue;
            }
            if (magic != MAGIC) {
                throw new IllegalArgumentException("not an LZ4 frame (magic " + Integer.toHexString(magic) + ")");
            }
            check(p + 2 <= end);
            int flags = in[p] & 0xFF;
            p += 2;
            if ((flags >>> 6) != 1) {
                throw new IllegalArgumentException("unsupported LZ4 frame version " + (flags >>> 6));
            }
            boolean independentBlocks = (flags & 0x20) != 0;
            boolean blockChecksum = (flags & 0x10) != 0;
            boolean contentChecksum = (flags & 0x04) != 0;
            p += ((flags & 0x08) != 0 ? 8 : 0) + ((flags & 0x01) != 0 ? 4 : 0) + 1;
            while (true) {
                int size = readInt(in, p, end);
                p += 4;
                if (size == 0) {
                    break;
                }
                int length = size & 0x7FFFFFFF;
                check(length >= 0 && p + length <= end);
                if (size < 0) {
                    check(written + length <= outputLength);
                    System.arraycopy(in, p, out, written, length);
                    written += length;
                } else if (independentBlocks) {
                    written += decodeIndependentBlock(in, p, length, out, written);
                } else {
                    written = decodeBlock(in, p, p + length, out, written);
                }
                p += length + (blockChecksum ? 4 : 0);
            }
            p += contentChecksum ? 4 : 0;
        }
        check(written == outputLength);
        return out;
    }

    /**
     * Decodes a block that references no earlier block with the LZ4 library (native when it loads), several
     * times faster than the sequence loop below; returns the bytes it produced.
     */
    private static int decodeIndependentBlock(byte[] in, int p, int length, byte[] out, int position) {
        try {
            return CodecLibrary.lz4().decompress(in, p, length, out, position, out.length - position);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed LZ4 frame data: " + e.getMessage(), e);
        }
    }

    /** Decodes one block's sequences into {@code out} from {@code position}; returns the new position. */
    private static int decodeBlock(byte[] in, int p, int end, byte[] out, int position) {
        int o = position;
        while (p < end) {
            int token = in[p++] & 0xFF;
            int literals = token >>> 4;
            if (literals == 15) {
                int extra;
                do {
                    check(p < end);
                    extra = in[p++] & 0xFF;
                    literals += extra;
                } while (extra == 255);
            }
            check(literals <= end - p && literals <= out.length - o);
            System.arraycopy(in, p, out, o, literals);
            p += literals;
            o += literals;
            if (p >= end) {
                break;
            }
            check(p + 2 <= end);
            int offset = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8;
            p += 2;
            int match = (token & 0x0F) + 4;
            if ((token & 0x0F) == 15) {
                int extra;
                do {
                    check(p < end);
                    extra = in[p++] & 0xFF;
                    match += extra;
                } while (extra == 255);
            }
            check(offset > 0 && offset <= o && match <= out.length - o);
            int from = o - offset;
            if (offset >= match) {
                System.arraycopy(out, from, out, o, match);
                o += match;
            } else {
                // An overlapping match repeats the last `offset` bytes; out[from, o + copied) is that period
                // repeated, so each copy can take twice as much as the one before.
                int copied = 0;
                while (copied < match) {
                    int run = Math.min(offset + copied, match - copied);
                    System.arraycopy(out, from, out, o + copied, run);
                    copied += run;
                }
                o += match;
            }
        }
        return o;
    }

    private static int readInt(byte[] in, int p, int end) {
        check(p + 4 <= end);
        return (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8 | (in[p + 2] & 0xFF) << 16 | (in[p + 3] & 0xFF) << 24;
    }

    private static void check(boolean condition) {
        if (!condition) {
            throw new IllegalArgumentException("malformed LZ4 frame data");
        }
    }
}
