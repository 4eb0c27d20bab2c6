package dev.floe.io.ipc;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.Types.MinorType;

/** Reads Arrow vectors into Floe vectors with bulk buffer copies; the Floe type decides the storage. */
final class ArrowToFloe {
    private ArrowToFloe() {
    }

    /** The rows of an Arrow vector (dictionary indices must be decoded by the caller) as a Floe vector. */
    static Vector convert(FieldVector source, DataType type) {
        int count = source.getValueCount();
        long nullCount = source.getNullCount();
        MinorType minor = source.getMinorType();
        if (minor == MinorType.NULL) {
            return new NullVector(count);
        }
        if (count == 0) {
            return Vectors.empty(type);
        }
        long[] validity = ArrowBuffers.toValidity(source.getValidityBuffer(), count, nullCount);
        return switch (minor) {
            case BIT -> {
                boolean[] values = new boolean[count];
                ArrowBuf data = source.getDataBuffer();
                for (int i = 0; i < count; i++) {
                    values[i] = (data.getByte(i >>> 3) & (1 << (i & 7))) != 0;
                }
                yield new BooleanVector(values, validity, count);
            }
            case TINYINT, UINT1 -> new IntVector(type, widenBytes(source.getDataBuffer(), count,
                    minor == MinorType.UINT1), validity, count);
            case SMALLINT, UINT2 -> new IntVector(type, widenShorts(source.getDataBuffer(), count,
                    minor == MinorType.UINT2), validity, count);
            case INT, DATEDAY -> new IntVector(type, ArrowBuffers.toInts(source.getDataBuffer(), count), validity, count);
            case DATEMILLI -> {
                long[] millis = ArrowBuffers.toLongs(source.getDataBuffer(), count);
                int[] days = new int[count];
                for (int i = 0; i < count; i++) {
                    days[i] = (int) Math.floorDiv(millis[i], 86_400_000L);
                }
                yield new IntVector(type, days, validity, count);
            }
            case UINT4 -> {
                int[] raw = ArrowBuffers.toInts(source.getDataBuffer(), count);
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = raw[i] & 0xFFFFFFFFL;
                }
                yield new LongVector(type, values, validity, count);
            }
            case BIGINT, UINT8, TIMESTAMPMILLI, TIMESTAMPMICRO, TIMESTAMPNANO, TIMESTAMPMILLITZ, TIMESTAMPMICROTZ,
                    TIMESTAMPNANOTZ, TIMENANO -> new LongVector(type, ArrowBuffers.toLongs(source.getDataBuffer(),
                    count), validity, count);
            case TIMESTAMPSEC, TIMESTAMPSECTZ -> new LongVector(type, scaled(ArrowBuffers.toLongs(
                    source.getDataBuffer(), count), 1_000L), validity, count);
            case DURATION -> {
                long[] values = ArrowBuffers.toLongs(source.getDataBuffer(), count);
                boolean seconds = ((org.apache.arrow.vector.types.pojo.ArrowType.Duration) source.getField().getType())
                        .getUnit() == org.apache.arrow.vector.types.TimeUnit.SECOND;
                yield new LongVector(type, seconds ? scaled(values, 1_000L) : values, validity, count);
            }
            case TIMESEC -> new LongVector(type, scaled(widenInts(source.getDataBuffer(), count), 1_000_000_000L),
                    validity, count);
            case TIMEMILLI -> new LongVector(type, scaled(widenInts(source.getDataBuffer(), count), 1_000_000L),
                    validity, count);
            case TIMEMICRO -> new LongVector(type, scaled(ArrowBuffers.toLongs(source.getDataBuffer(), count), 1_000L),
                    validity, count);
            case FLOAT4 -> {
                MemorySegment segment = ArrowBuffers.segment(source.getDataBuffer(), count * 4L);
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = segment.get(ArrowBuffers.FLOAT, i * 4L);
                }
                yield new DoubleVector(type, values, validity, count);
            }
            case FLOAT8 -> new DoubleVector(type, ArrowBuffers.toDoubles(source.getDataBuffer(), count), validity, count);
            case DECIMAL -> decimal(source.getDataBuffer(), type, validity, count);
            case VARCHAR, VARBINARY -> {
                int[] offsets = ArrowBuffers.toInts(source.getOffsetBuffer(), count + 1);
                int start = offsets[0];
                byte[] data = ArrowBuffers.toBytes(source.getDataBuffer(), start, offsets[count] - start);
                if (start != 0) {
                    for (int i = 0; i <= count; i++) {
                        offsets[i] -= start;
                    }
                }
                yield new BytesVector(type, offsets, data, validity, count);
            }
            case LARGEVARCHAR, LARGEVARBINARY -> {
                long[] wide = ArrowBuffers.toLongs(source.getOffsetBuffer(), count + 1);
                long start = wide[0];
                int[] offsets = narrowOffsets(wide, start, source);
                byte[] data = ArrowBuffers.toBytes(source.getDataBuffer(), start, offsets[count]);
                yield new BytesVector(type, offsets, data, validity, count);
            }
            case VIEWVARCHAR, VIEWVARBINARY -> views((BaseVariableWidthViewVector) source, type, validity, count);
            case FIXEDSIZEBINARY -> {
                int width = ((FixedSizeBinaryVector) source).getByteWidth();
                int[] offsets = new int[count + 1];
                for (int i = 0; i <= count; i++) {
                    offsets[i] = Math.multiplyExact(i, width);
                }
                yield new BytesVector(type, offsets, ArrowBuffers.toBytes(source.getDataBuffer(), 0, count * width),
                        validity, count);
            }
            case LIST, LARGELIST, FIXED_SIZE_LIST -> list(source, (DataType.ListType) type, validity, count);
            case STRUCT -> {
                DataType.StructType struct = (DataType.StructType) type;
                List<FieldVector> children = source.getChildrenFromFields();
                List<Vector> converted = new ArrayList<>(children.size());
                for (int i = 0; i < children.size(); i++) {
                    converted.add(convert(children.get(i), struct.fields().get(i).type()));
                }
                yield new StructVector(struct, converted, validity, count);
            }
            default -> throw new FloeException(ErrorCode.TYPE_MISMATCH, "column '" + source.getName()
                    + "' has the Arrow type " + source.getField().getType() + ", which Floe cannot read");
        };
    }

    private static long[] scaled(long[] values, long factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    private static int[] widenBytes(ArrowBuf buffer, int count, boolean unsigned) {
        MemorySegment segment = ArrowBuffers.segment(buffer, count);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            byte value = segment.get(ValueLayout.JAVA_BYTE, i);
            values[i] = unsigned ? value & 0xFF : value;
        }
        return values;
    }

    private static int[] widenShorts(ArrowBuf buffer, int count, boolean unsigned) {
        MemorySegment segment = ArrowBuffers.segment(buffer, count * 2L);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            short value = segment.get(ArrowBuffers.SHORT, i * 2L);
            values[i] = unsigned ? value & 0xFFFF : value;
        }
        return values;
    }

    private static long[] widenInts(ArrowBuf buffer, int count) {
        int[] raw = ArrowBuffers.toInts(buffer, count);
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = raw[i];
        }
        return values;
    }

    private static Vector decimal(ArrowBuf buffer, DataType type, long[] validity, int count) {
        MemorySegment segment = ArrowBuffers.segment(buffer, count * 16L);
        long[] low = new long[count];
        for (int i = 0; i < count; i++) {
            low[i] = segment.get(ArrowBuffers.LONG, i * 16L);
        }
        if (!Int128Vector.accepts(type)) {
            return new LongVector(type, low, validity, count);
        }
        long[] high = new long[count];
        for (int i = 0; i < count; i++) {
            high[i] = segment.get(ArrowBuffers.LONG, i * 16L + 8);
        }
        return new Int128Vector(type, high, low, validity, count);
    }

    private static int[] narrowOffsets(long[] wide, long start, FieldVector source) {
        int[] offsets = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            long offset = wide[i] - start;
            if (offset > Integer.MAX_VALUE - 16) {
                throw new FloeException(ErrorCode.CORRUPT_FILE, "column '" + source.getName()
                        + "' holds more than 2 GB of bytes in one batch, more than Floe reads at once");
            }
            offsets[i] = (int) offset;
        }
        return offsets;
    }

    /** Utf8View / BinaryView: 16-byte views, short values inline, long ones in the variadic data buffers. */
    private static Vector views(BaseVariableWidthViewVector source, DataType type, long[] validity, int count) {
        int elementSize = BaseVariableWidthViewVector.ELEMENT_SIZE;
        MemorySegment views = ArrowBuffers.segment(source.getDataBuffer(), (long) count * elementSize);
        List<ArrowBuf> dataBuffers = source.getDataBuffers();
        int[] offsets = new int[count + 1];
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += views.get(ArrowBuffers.INT, (long) i * elementSize);
            if (total > Integer.MAX_VALUE - 16) {
                throw new FloeException(ErrorCode.CORRUPT_FILE, "column '" + source.getName()
                        + "' holds more than 2 GB of bytes in one batch, more than Floe reads at once");
            }
            offsets[i + 1] = (int) total;
        }
        byte[] data = new byte[(int) total];
        for (int i = 0; i < count; i++) {
            long view = (long) i * elementSize;
            int length = offsets[i + 1] - offsets[i];
            if (length <= BaseVariableWidthViewVector.INLINE_SIZE) {
                MemorySegment.copy(views, ValueLayout.JAVA_BYTE, view + 4, data, offsets[i], length);
            } else {
                int bufferIndex = views.get(ArrowBuffers.INT, view + 8);
                int offset = views.get(ArrowBuffers.INT, view + 12);
                ArrowBuf buffer = dataBuffers.get(bufferIndex);
                buffer.getBytes(offset, data, offsets[i], length);
            }
        }
        return new BytesVector(type, offsets, data, validity, count);
    }

    private static Vector list(FieldVector source, DataType.ListType type, long[] validity, int count) {
        int[] offsets;
        if (source instanceof FixedSizeListVector fixed) {
            int size = fixed.getListSize();
            offsets = new int[count + 1];
            for (int i = 0; i <= count; i++) {
                offsets[i] = Math.multiplyExact(i, size);
            }
        } else if (source.getMinorType() == MinorType.LARGELIST) {
            long[] wide = ArrowBuffers.toLongs(source.getOffsetBuffer(), count + 1);
            offsets = narrowOffsets(wide, 0, source);
        } else {
            offsets = count == 0 ? new int[1] : ArrowBuffers.toInts(source.getOffsetBuffer(), count + 1);
        }
        FieldVector child = source.getChildrenFromFields().getFirst();
        Vector elements = convert(child, type.inner());
        return new ListVector(type, offsets, elements, validity, count);
    }
}
