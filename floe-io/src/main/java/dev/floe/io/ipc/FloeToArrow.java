package dev.floe.io.ipc;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;

/** Fills Arrow vectors from Floe vectors with bulk buffer copies. */
final class FloeToArrow {
    private FloeToArrow() {
    }

    /** A new Arrow vector holding the Floe vector's rows; the caller owns (closes) it. */
    static FieldVector convert(Vector vector, org.apache.arrow.vector.types.pojo.Field field, BufferAllocator allocator) {
        FieldVector target = field.createVector(allocator);
        try {
            load(vector, target, allocator);
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static void load(Vector vector, FieldVector target, BufferAllocator allocator) {
        int count = vector.length();
        List<ArrowBuf> buffers = new ArrayList<>(3);
        try {
            if (!(vector instanceof dev.floe.core.vector.NullVector)) {
                buffers.add(ArrowBuffers.validity(allocator, vector.validity(), count));
            }
            switch (vector) {
                case BooleanVector booleans -> buffers.add(packBooleans(allocator, booleans.values(), count));
                case IntVector ints -> buffers.add(ints(allocator, ints, count));
                case LongVector longs -> buffers.add(longs(allocator, longs, count));
                case DoubleVector doubles -> buffers.add(doubles(allocator, doubles, count));
                case BytesVector bytes -> {
                    int[] offsets = bytes.offsets();
                    int start = offsets[0];
                    int size = offsets[count] - start;
                    if (start == 0) {
                        buffers.add(ArrowBuffers.fromInts(allocator, offsets, count + 1));
                    } else {
                        int[] rebased = new int[count + 1];
                        for (int i = 0; i <= count; i++) {
                            rebased[i] = offsets[i] - start;
                        }
                        buffers.add(ArrowBuffers.fromInts(allocator, rebased, count + 1));
                    }
                    buffers.add(ArrowBuffers.fromBytes(allocator, bytes.data(), start, size));
                }
                case Int128Vector wide -> buffers.add(int128(allocator, wide.high(), wide.low(), count));
                case ListVector list -> {
                    int[] offsets = list.offsets();
                    int first = offsets[0];
                    int last = offsets[count];
                    int[] rebased = new int[count + 1];
                    for (int i = 0; i <= count; i++) {
                        rebased[i] = offsets[i] - first;
                    }
                    buffers.add(ArrowBuffers.fromInts(allocator, rebased, count + 1));
                    Vector elements = first == 0 && last == list.elements().length() ? list.elements()
                            : list.elements().slice(first, last - first);
                    load(elements, target.getChildrenFromFields().getFirst(), allocator);
                }
                case StructVector struct -> {
                    List<FieldVector> children = target.getChildrenFromFields();
                    for (int i = 0; i < children.size(); i++) {
                        load(struct.children().get(i), children.get(i), allocator);
                    }
                }
                case dev.floe.core.vector.NullVector nulls -> {
                }
            }
            target.loadFieldBuffers(new ArrowFieldNode(count, vector.nullCount()), buffers);
        } finally {
            for (ArrowBuf buffer : buffers) {
                buffer.close();
            }
        }
    }

    private static ArrowBuf packBooleans(BufferAllocator allocator, boolean[] values, int count) {
        int words = (count + 63) >>> 6;
        long[] packed = new long[words];
        for (int i = 0; i < count; i++) {
            if (values[i]) {
                packed[i >>> 6] |= 1L << i;
            }
        }
        return ArrowBuffers.fromLongs(allocator, packed, words);
    }

    private static ArrowBuf ints(BufferAllocator allocator, IntVector vector, int count) {
        int[] values = vector.values();
        return switch (vector.type()) {
            case DataType.Int8Type t -> narrowBytes(allocator, values, count);
            case DataType.UInt8Type t -> narrowBytes(allocator, values, count);
            case DataType.Int16Type t -> narrowShorts(allocator, values, count);
            case DataType.UInt16Type t -> narrowShorts(allocator, values, count);
            default -> ArrowBuffers.fromInts(allocator, values, count);
        };
    }

    private static ArrowBuf narrowBytes(BufferAllocator allocator, int[] values, int count) {
        ArrowBuf buffer = ArrowBuffers.allocate(allocator, count);
        MemorySegment segment = ArrowBuffers.segment(buffer, count);
        for (int i = 0; i < count; i++) {
            segment.set(ValueLayout.JAVA_BYTE, i, (byte) values[i]);
        }
        return buffer;
    }

    private static ArrowBuf narrowShorts(BufferAllocator allocator, int[] values, int count) {
        ArrowBuf buffer = ArrowBuffers.allocate(allocator, count * 2L);
        MemorySegment segment = ArrowBuffers.segment(buffer, count * 2L);
        for (int i = 0; i < count; i++) {
            segment.set(ArrowBuffers.SHORT, i * 2L, (short) values[i]);
        }
        return buffer;
    }

    private static ArrowBuf longs(BufferAllocator allocator, LongVector vector, int count) {
        long[] values = vector.values();
        return switch (vector.type()) {
            case DataType.UInt32Type t -> {
                ArrowBuf buffer = ArrowBuffers.allocate(allocator, count * 4L);
                MemorySegment segment = ArrowBuffers.segment(buffer, count * 4L);
                for (int i = 0; i < count; i++) {
                    segment.set(ArrowBuffers.INT, i * 4L, (int) values[i]);
                }
                yield buffer;
            }
            case DataType.DecimalType d -> {
                long[] high = new long[count];
                for (int i = 0; i < count; i++) {
                    high[i] = values[i] >> 63;
                }
                yield int128(allocator, high, values, count);
            }
            default -> ArrowBuffers.fromLongs(allocator, values, count);
        };
    }

    private static ArrowBuf doubles(BufferAllocator allocator, DoubleVector vector, int count) {
        double[] values = vector.values();
        if (vector.type() instanceof DataType.Float64Type) {
            return ArrowBuffers.fromDoubles(allocator, values, count);
        }
        ArrowBuf buffer = ArrowBuffers.allocate(allocator, count * 4L);
        MemorySegment segment = ArrowBuffers.segment(buffer, count * 4L);
        for (int i = 0; i < count; i++) {
            segment.set(ArrowBuffers.FLOAT, i * 4L, (float) values[i]);
        }
        return buffer;
    }

    /** Decimal128 values: the low word first, little-endian. */
    private static ArrowBuf int128(BufferAllocator allocator, long[] high, long[] low, int count) {
        ArrowBuf buffer = ArrowBuffers.allocate(allocator, count * 16L);
        MemorySegment segment = ArrowBuffers.segment(buffer, count * 16L);
        for (int i = 0; i < count; i++) {
            segment.set(ArrowBuffers.LONG, i * 16L, low[i]);
            segment.set(ArrowBuffers.LONG, i * 16L + 8, high[i]);
        }
        return buffer;
    }
}
