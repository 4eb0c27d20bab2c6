package dev.floe.io.parquet;

import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.ValueBuffer;

/**
 * Buffers one decoding thread reuses from page to page and chunk to chunk: decompressed page bytes (with
 * {@link #SLACK} readable bytes past the end, so decoders may load 8 bytes at a time), dictionary indices, delta
 * scratch, predicate verdicts, and the page-local levels and values of selective decoding. Nothing handed to a
 * vector lives here.
 */
final class DecodeScratch {
    /** Bytes past a page's end that decoders may read (never use). */
    static final int SLACK = 16;
    private static final ThreadLocal<DecodeScratch> CURRENT = ThreadLocal.withInitial(DecodeScratch::new);

    private byte[] page = new byte[0];
    private int[] indices = new int[0];
    private long[] longs = new long[0];
    private int[] levels = new int[0];
    private int[] positions = new int[0];
    private boolean[] verdicts = new boolean[0];
    private final ValueBuffer[] pageValues = new ValueBuffer[PhysicalKind.values().length];

    private DecodeScratch() {
    }

    static DecodeScratch current() {
        return CURRENT.get();
    }

    /** A buffer of at least {@code size + SLACK} bytes. */
    byte[] page(int size) {
        if (page.length < size + SLACK) {
            page = new byte[size + SLACK + (size >>> 3)];
        }
        return page;
    }

    int[] indices(int count) {
        if (indices.length < count) {
            indices = new int[count];
        }
        return indices;
    }

    long[] longs(int count) {
        if (longs.length < count) {
            longs = new long[count];
        }
        return longs;
    }

    int[] positions(int count) {
        if (positions.length < count) {
            positions = new int[count];
        }
        return positions;
    }

    /** Per-value predicate verdicts of one page (see {@link DictionaryChunkFilter}). */
    boolean[] verdicts(int count) {
        if (verdicts.length < count) {
            verdicts = new boolean[count];
        }
        return verdicts;
    }

    int[] levels(int count) {
        if (levels.length < count) {
            levels = new int[count];
        }
        return levels;
    }

    /** An emptied value buffer of {@code kind} for one page's values. */
    ValueBuffer pageValues(PhysicalKind kind) {
        ValueBuffer buffer = pageValues[kind.ordinal()];
        if (buffer == null) {
            buffer = new ValueBuffer(kind, 1024);
            pageValues[kind.ordinal()] = buffer;
        }
        buffer.count = 0;
        return buffer;
    }
}
