package dev.floe.io.parquet.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decoders of a data page's value section into a {@link ValueBuffer}: PLAIN, dictionary indices,
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT and RLE booleans.
 */
public final class ValueDecoders {
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** Up to this many bytes, dictionary strings are gathered into a buffer sized by the longest entry. */
    private static final long DICTIONARY_BOUND_BYTES = 32L << 20;
    /** Spare bytes kept past string values so short ones are copied 16 bytes at a time. */
    private static final int SLACK = 16;

    private ValueDecoders() {
    }

    /**
     * PLAIN values. {@code fixedLength} is the width of FIXED_LEN_BYTE_ARRAY values, 12 for INT96, -1 for
     * BYTE_ARRAY, ignored otherwise.
     */
    public static void plain(ByteReader reader, int count, ValueBuffer out, boolean int96, int fixedLength) {
        out.ensure(count);
        byte[] data = reader.data();
        int base = out.count;
        switch (out.kind) {
            case INT32 -> {
                int start = reader.skip(Math.multiplyExact(count, 4));
                int[] target = out.ints;
                for (int i = 0; i < count; i++) {
                    target[base + i] = (int) ByteReader.INT.get(data, start + 4 * i);
                }
            }
            case INT64 -> {
                if (int96) {
                    int start = reader.skip(Math.multiplyExact(count, 12));
                    long[] target = out.longs;
                    for (int i = 0; i < count; i++) {
                        long nanosOfDay = (long) ByteReader.LONG.get(data, start + 12 * i);
                        long julianDay = (int) ByteReader.INT.get(data, start + 12 * i + 8);
                        target[base + i] = (julianDay - JULIAN_EPOCH_DAY) * NANOS_PER_DAY + nanosOfDay;
                    }
                } else {
                    int start = reader.skip(Math.multiplyExact(count, 8));
                    long[] target = out.longs;
                    for (int i = 0; i < count; i++) {
                        target[base + i] = (long) ByteReader.LONG.get(data, start + 8 * i);
                    }
                }
            }
            case FLOAT -> {
                int start = reader.skip(Math.multiplyExact(count, 4));
                double[] target = out.doubles;
                for (int i = 0; i < count; i++) {
                    target[base + i] = (float) FLOAT.get(data, start + 4 * i);
                }
            }
            case DOUBLE -> {
                int start = reader.skip(Math.multiplyExact(count, 8));
                double[] target = out.doubles;
                for (int i = 0; i < count; i++) {
                    target[base + i] = (double) DOUBLE.get(data, start + 8 * i);
                }
            }
            case BOOLEAN -> {
                int start = reader.skip((count + 7) >>> 3);
                boolean[] target = out.booleans;
                for (int i = 0; i < count; i++) {
                    target[base + i] = (data[start + (i >>> 3)] & (1 << (i & 7))) != 0;
                }
            }
            case BYTES -> {
                if (fixedLength >= 0) {
                    int start = reader.skip(Math.multiplyExact(count, fixedLength));
                    out.ensureBytes((long) count * fixedLength);
                    System.arraycopy(data, start, out.bytes, out.offsets[base], count * fixedLength);
                    int[] offsets = out.offsets;
                    for (int i = 0; i < count; i++) {
                        offsets[base + i + 1] = offsets[base + i] + fixedLength;
                    }
                } else {
                    plainByteArrays(reader, count, out);
                    return;
                }
            }
        }
        out.count += count;
    }

    /** Whether {@link #plainAt} reads this kind (fixed-width numbers; INT96 is not one). */
    public static boolean plainAtSupports(PhysicalKind kind, boolean int96) {
        return !int96 && (kind == PhysicalKind.INT32 || kind == PhysicalKind.INT64 || kind == PhysicalKind.FLOAT
                || kind == PhysicalKind.DOUBLE);
    }

    /**
     * PLAIN values at {@code positions[0..n)} only, of a section holding {@code count}: fixed-width values are read
     * where they are, the others never touched.
     */
    public static void plainAt(ByteReader reader, int count, int[] positions, int n, ValueBuffer out) {
        out.ensure(n);
        byte[] data = reader.data();
        int base = out.count;
        switch (out.kind) {
            case INT32 -> {
                int start = reader.skip(Math.multiplyExact(count, 4));
                for (int k = 0; k < n; k++) {
                    out.ints[base + k] = (int) ByteReader.INT.get(data, start + 4 * positions[k]);
                }
            }
            case INT64 -> {
                int start = reader.skip(Math.multiplyExact(count, 8));
                for (int k = 0; k < n; k++) {
                    out.longs[base + k] = (long) ByteReader.LONG.get(data, start + 8 * positions[k]);
                }
            }
            case FLOAT -> {
                int start = reader.skip(Math.multiplyExact(count, 4));
                for (int k = 0; k < n; k++) {
                    out.doubles[base + k] = (float) FLOAT.get(data, start + 4 * positions[k]);
                }
            }
            case DOUBLE -> {
                int start = reader.skip(Math.multiplyExact(count, 8));
                for (int k = 0; k < n; k++) {
                    out.doubles[base + k] = (double) DOUBLE.get(data, start + 8 * positions[k]);
                }
            }
            case BOOLEAN, BYTES -> throw new IllegalArgumentException("plainAt reads fixed-width numbers only");
        }
        out.count += n;
    }

    /** Dictionary indices at {@code positions[0..n)} only (of {@code count}), looked up in {@code dictionary}. */
    public static void dictionaryAt(ByteReader reader, int count, ValueBuffer dictionary, ValueBuffer out,
            int[] positions, int n, int[] scratch) {
        if (dictionary == null) {
            throw new CorruptPageException("a dictionary-encoded page comes without a dictionary page");
        }
        if (dictionary.count == 0) {
            throw new CorruptPageException("dictionary indices into an empty dictionary");
        }
        int bitWidth = reader.readByte();
        RleBitPackedDecoder.decodeAt(reader, bitWidth, count, positions, n, scratch, dictionary.count - 1);
        out.gather(dictionary, scratch, n);
    }

    /** Length-prefixed byte arrays, copied in one pass after one capacity check for the whole page. */
    private static void plainByteArrays(ByteReader reader, int count, ValueBuffer out) {
        byte[] data = reader.data();
        int position = reader.position();
        int end = reader.end();
        out.ensureBytes(end - position + SLACK);
        byte[] target = out.bytes;
        int[] offsets = out.offsets;
        int base = out.count;
        int written = offsets[base];
        for (int i = 0; i < count; i++) {
            if (end - position < 4) {
                throw new CorruptPageException("byte array " + i + " of " + count + " is cut short");
            }
            int length = (int) ByteReader.INT.get(data, position);
            position += 4;
            if (length < 0 || length > end - position) {
                throw new CorruptPageException("byte array length " + length + " exceeds the page");
            }
            if (length <= 16 && position + 16 <= data.length) {
                copy16(data, position, target, written);
            } else {
                System.arraycopy(data, position, target, written, length);
            }
            position += length;
            written += length;
            offsets[base + i + 1] = written;
        }
        out.count += count;
        reader.skip(position - reader.position());
    }

    /**
     * Copies 16 bytes with two 8-byte loads: values of at most 16 bytes are moved this way, the bytes past the
     * value's end being overwritten by the next value or left unused (both arrays have {@link #SLACK} spare bytes).
     */
    private static void copy16(byte[] source, int from, byte[] target, int to) {
        ByteReader.LONG.set(target, to, (long) ByteReader.LONG.get(source, from));
        ByteReader.LONG.set(target, to + 8, (long) ByteReader.LONG.get(source, from + 8));
    }

    /** Dictionary indices (bit width byte + RLE hybrid) looked up in {@code dictionary}. */
    public static void dictionary(ByteReader reader, int count, ValueBuffer dictionary, ValueBuffer out,
            int[] scratch) {
        if (dictionary == null) {
            throw new CorruptPageException("a dictionary-encoded page comes without a dictionary page");
        }
        int bitWidth = count == 0 ? 0 : reader.readByte();
        if (dictionary.count == 0 && count > 0) {
            throw new CorruptPageException("dictionary indices into an empty dictionary");
        }
        RleBitPackedDecoder.decode(reader, bitWidth, count, scratch, 0, dictionary.count - 1);
        out.ensure(count);
        int base = out.count;
        switch (out.kind) {
            case INT32 -> {
                int[] source = dictionary.ints;
                int[] target = out.ints;
                for (int i = 0; i < count; i++) {
                    target[base + i] = source[scratch[i]];
                }
            }
            case INT64 -> {
                long[] source = dictionary.longs;
                long[] target = out.longs;
                for (int i = 0; i < count; i++) {
                    target[base + i] = source[scratch[i]];
                }
            }
            case FLOAT, DOUBLE -> {
                double[] source = dictionary.doubles;
                double[] target = out.doubles;
                for (int i = 0; i < count; i++) {
                    target[base + i] = source[scratch[i]];
                }
            }
            case BOOLEAN -> {
                boolean[] source = dictionary.booleans;
                boolean[] target = out.booleans;
                for (int i = 0; i < count; i++) {
                    target[base + i] = source[scratch[i]];
                }
            }
            case BYTES -> {
                int[] sourceOffsets = dictionary.offsets;
                long bound = (long) count * dictionary.maxLength();
                if (bound <= DICTIONARY_BOUND_BYTES) {
                    out.ensureBytes(bound + SLACK);
                } else {
                    long total = 0;
                    for (int i = 0; i < count; i++) {
                        int index = scratch[i];
                        total += sourceOffsets[index + 1] - sourceOffsets[index];
                    }
                    out.ensureBytes(total + SLACK);
                }
                boolean sourceSlack = dictionary.bytes.length >= sourceOffsets[dictionary.count] + SLACK;
                byte[] source = dictionary.bytes;
                byte[] target = out.bytes;
                int[] offsets = out.offsets;
                int position = offsets[base];
                for (int i = 0; i < count; i++) {
                    int index = scratch[i];
                    int start = sourceOffsets[index];
                    int length = sourceOffsets[index + 1] - start;
                    if (length <= 16 && sourceSlack) {
                        copy16(source, start, target, position);
                    } else {
                        System.arraycopy(source, start, target, position, length);
                    }
                    position += length;
                    offsets[base + i + 1] = position;
                }
            }
        }
        out.count += count;
    }

    /** RLE-encoded booleans: a 4-byte length, then the hybrid with bit width 1. */
    public static void rleBooleans(ByteReader reader, int count, ValueBuffer out, int[] scratch) {
        int length = reader.readIntLittleEndian();
        ByteReader section = new ByteReader(reader.data(), reader.skip(length), reader.position());
        RleBitPackedDecoder.decode(section, 1, count, scratch, 0, 1);
        out.ensure(count);
        for (int i = 0; i < count; i++) {
            out.booleans[out.count + i] = scratch[i] != 0;
        }
        out.count += count;
    }

    public static void deltaBinaryPacked(ByteReader reader, int count, ValueBuffer out, long[] scratch) {
        int decoded = DeltaBinaryPackedDecoder.decode(reader, scratch, 0, count);
        if (decoded != count) {
            throw new CorruptPageException("DELTA_BINARY_PACKED holds " + decoded + " values, the page " + count);
        }
        out.ensure(count);
        if (out.kind == PhysicalKind.INT32) {
            for (int i = 0; i < count; i++) {
                out.ints[out.count + i] = (int) scratch[i];
            }
        } else if (out.kind == PhysicalKind.INT64) {
            System.arraycopy(scratch, 0, out.longs, out.count, count);
        } else {
            throw new CorruptPageException("DELTA_BINARY_PACKED used for " + out.kind + " values");
        }
        out.count += count;
    }

    public static void deltaLengthByteArray(ByteReader reader, int count, ValueBuffer out, long[] scratch) {
        int decoded = DeltaBinaryPackedDecoder.decode(reader, scratch, 0, count);
        if (decoded != count) {
            throw new CorruptPageException("DELTA_LENGTH_BYTE_ARRAY holds " + decoded + " lengths, the page " + count);
        }
        out.ensure(count);
        byte[] data = reader.data();
        for (int i = 0; i < count; i++) {
            long length = scratch[i];
            if (length < 0 || length > reader.remaining()) {
                throw new CorruptPageException("byte array length " + length + " exceeds the page");
            }
            out.appendBytes(data, reader.skip((int) length), (int) length);
        }
    }

    public static void deltaByteArray(ByteReader reader, int count, ValueBuffer out, long[] scratch) {
        long[] prefixes = new long[count];
        int decoded = DeltaBinaryPackedDecoder.decode(reader, prefixes, 0, count);
        if (decoded != count) {
            throw new CorruptPageException("DELTA_BYTE_ARRAY holds " + decoded + " prefixes, the page " + count);
        }
        decoded = DeltaBinaryPackedDecoder.decode(reader, scratch, 0, count);
        if (decoded != count) {
            throw new CorruptPageException("DELTA_BYTE_ARRAY holds " + decoded + " suffixes, the page " + count);
        }
        out.ensure(count);
        byte[] data = reader.data();
        int previousStart = -1;
        int previousLength = 0;
        for (int i = 0; i < count; i++) {
            long prefix = prefixes[i];
            long suffix = scratch[i];
            if (prefix < 0 || prefix > previousLength || suffix < 0 || suffix > reader.remaining()) {
                throw new CorruptPageException("DELTA_BYTE_ARRAY prefix " + prefix + " / suffix " + suffix
                        + " lengths are invalid");
            }
            int length = (int) (prefix + suffix);
            out.ensureBytes(length);
            int start = out.offsets[out.count];
            if (prefix > 0) {
                System.arraycopy(out.bytes, previousStart, out.bytes, start, (int) prefix);
            }
            System.arraycopy(data, reader.skip((int) suffix), out.bytes, start + (int) prefix, (int) suffix);
            out.offsets[out.count + 1] = start + length;
            out.count++;
            previousStart = start;
            previousLength = length;
        }
    }

    /** BYTE_STREAM_SPLIT: byte k of every value stored together; {@code width} is the value size. */
    public static void byteStreamSplit(ByteReader reader, int count, ValueBuffer out, int width) {
        int total = Math.multiplyExact(count, width);
        int start = reader.skip(total);
        byte[] data = reader.data();
        byte[] joined = new byte[total];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < width; k++) {
                joined[i * width + k] = data[start + k * count + i];
            }
        }
        plain(new ByteReader(joined, 0, total), count, out, false, out.kind == PhysicalKind.BYTES ? width : -1);
    }
}
