package dev.floe.exec.hash;

/**
 * The set of a built table's key values as bits, for keys that are sparse in a range of at most {@link #MAXIMUM_SPAN}
 * non-negative values: a join probe that misses (most of them when the build side was filtered) tests one bit of a
 * small set (read in order when the probe keys are sorted) instead of a random slot of the table. Immutable.
 */
final class KeyPresence {
    /** Sets span at most this many values (8 MB of bits). */
    static final long MAXIMUM_SPAN = 1L << 26;
    /** ... and are kept only when at most one value in this many of the span is a key (most probes can miss). */
    static final int SPARSENESS = 4;
    /** Says every key may be present (no set). */
    static final KeyPresence ALL = new KeyPresence(null, 0);

    private final long[] bits;
    private final long limit;

    private KeyPresence(long[] bits, long limit) {
        this.bits = bits;
        this.limit = limit;
    }

    /**
     * The set of {@code keys[offset + stride * g]} for the groups {@code g < count} without {@code exclude[g]} (none
     * excluded when null), or {@link #ALL} when a key is negative, the span is too large or the keys too dense in it.
     */
    static KeyPresence of(long[] keys, int offset, int stride, int count, boolean[] exclude) {
        long max = -1;
        for (int g = 0; g < count; g++) {
            if (exclude == null || !exclude[g]) {
                long key = keys[offset + stride * g];
                if (key < 0) {
                    return ALL;
                }
                max = Math.max(max, key);
            }
        }
        if (max < 0 || max >= MAXIMUM_SPAN) {
            return ALL;
        }
        long[] bits = new long[(int) (max >>> 6) + 1];
        long distinct = 0;
        for (int g = 0; g < count; g++) {
            if (exclude == null || !exclude[g]) {
                long key = keys[offset + stride * g];
                long bit = 1L << key;
                int word = (int) (key >>> 6);
                distinct += (bits[word] & bit) == 0 ? 1 : 0;
                bits[word] |= bit;
            }
        }
        return distinct * SPARSENESS > max + 1 ? ALL : new KeyPresence(bits, max + 1);
    }

    /** Whether this set tests anything (false for {@link #ALL}). */
    boolean filters() {
        return bits != null;
    }

    /** False only for a key that is certainly absent. */
    boolean mayContain(long key) {
        return bits == null || key >= 0 && key < limit && (bits[(int) (key >>> 6)] & (1L << key)) != 0;
    }
}
