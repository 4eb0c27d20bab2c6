package dev.floe.exec.hash;

/** Hash mixing for hash tables: spreads the bits of a long so that low bits index well. */
public final class Hashing {
    private Hashing() {
    }

    public static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    public static long bytes(byte[] data, int start, int end) {
        long h = 0x243F6A8885A308D3L;
        int i = start;
        for (; i + 8 <= end; i += 8) {
            long word = (data[i] & 0xFFL) | (data[i + 1] & 0xFFL) << 8 | (data[i + 2] & 0xFFL) << 16
                    | (data[i + 3] & 0xFFL) << 24 | (data[i + 4] & 0xFFL) << 32 | (data[i + 5] & 0xFFL) << 40
                    | (data[i + 6] & 0xFFL) << 48 | (data[i + 7] & 0xFFL) << 56;
            h = (h ^ word) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
        }
        for (; i < end; i++) {
            h = (h ^ (data[i] & 0xFF)) * 0x100000001B3L;
        }
        return mix(h ^ (end - start));
    }
}
