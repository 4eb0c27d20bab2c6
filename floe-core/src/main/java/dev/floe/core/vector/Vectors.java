package dev.floe.core.vector;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Making vectors: empty and all-null ones, concatenation, and conversion from Java objects. */
public final class Vectors {
    private Vectors() {
    }

    public static Vector empty(DataType type) {
        return nulls(type, 0);
    }

    /** A vector of {@code length} null rows of the given type. */
    public static Vector nulls(DataType type, int length) {
        long[] validity = Bitmap.allocate(length);
        return switch (type) {
            case DataType.BooleanType t -> new BooleanVector(new boolean[length], validity, length);
            case DataType.Int8Type t -> new IntVector(type, new int[length], validity, length);
            case DataType.Int16Type t -> new IntVector(type, new int[length], validity, length);
            case DataType.Int32Type t -> new IntVector(type, new int[length], validity, length);
            case DataType.UInt8Type t -> new IntVector(type, new int[length], validity, length);
            case DataType.UInt16Type t -> new IntVector(type, new int[length], validity, length);
            case DataType.DateType t -> new IntVector(type, new int[length], validity, length);
            case DataType.Int64Type t -> new LongVector(type, new long[length], validity, length);
            case DataType.UInt32Type t -> new LongVector(type, new long[length], validity, length);
            case DataType.UInt64Type t -> new LongVector(type, new long[length], validity, length);
            case DataType.DatetimeType t -> new LongVector(type, new long[length], validity, length);
            case DataType.DurationType t -> new LongVector(type, new long[length], validity, length);
            case DataType.TimeType t -> new LongVector(type, new long[length], validity, length);
            case DataType.DecimalType decimal -> Int128Vector.accepts(decimal)
                    ? new Int128Vector(type, new long[length], new long[length], validity, length)
                    : new LongVector(type, new long[length], validity, length);
            case DataType.Float32Type t -> new DoubleVector(type, new double[length], validity, length);
            case DataType.Float64Type t -> new DoubleVector(type, new double[length], validity, length);
            case DataType.StringType t -> new BytesVector(type, new int[length + 1], new byte[0], validity, length);
            case DataType.BinaryType t -> new BytesVector(type, new int[length + 1], new byte[0], validity, length);
            case DataType.NullType t -> new NullVector(length);
            case DataType.ListType list -> new ListVector(list, new int[length + 1], empty(list.inner()), validity, length);
            case DataType.StructType struct -> {
                List<Vector> children = new ArrayList<>();
                for (var field : struct.fields()) {
                    children.add(nulls(field.type(), length));
                }
                yield new StructVector(struct, children, validity, length);
            }
        };
    }

    /** The rows of all parts, in order; every part must have the same type. */
    public static Vector concat(DataType type, List<Vector> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        int total = 0;
        for (Vector part : parts) {
            if (!part.type().equals(type)) {
                throw FloeException.internal("cannot concatenate a " + part.type() + " vector into " + type);
            }
            total = Math.addExact(total, part.length());
        }
        List<Vector> pieces = new ArrayList<>(parts);
        return switch (type) {
            case DataType.BooleanType t -> concatBooleans(pieces, total);
            case DataType.Int8Type t -> concatInts(type, pieces, total);
            case DataType.Int16Type t -> concatInts(type, pieces, total);
            case DataType.Int32Type t -> concatInts(type, pieces, total);
            case DataType.UInt8Type t -> concatInts(type, pieces, total);
            case DataType.UInt16Type t -> concatInts(type, pieces, total);
            case DataType.DateType t -> concatInts(type, pieces, total);
            case DataType.Int64Type t -> concatLongs(type, pieces, total);
            case DataType.UInt32Type t -> concatLongs(type, pieces, total);
            case DataType.UInt64Type t -> concatLongs(type, pieces, total);
            case DataType.DatetimeType t -> concatLongs(type, pieces, total);
            case DataType.DurationType t -> concatLongs(type, pieces, total);
            case DataType.TimeType t -> concatLongs(type, pieces, total);
            case DataType.DecimalType decimal -> Int128Vector.accepts(decimal)
                    ? concatInt128(type, pieces, total) : concatLongs(type, pieces, total);
            case DataType.Float32Type t -> concatDoubles(type, pieces, total);
            case DataType.Float64Type t -> concatDoubles(type, pieces, total);
            case DataType.StringType t -> concatBytes(type, pieces, total);
            case DataType.BinaryType t -> concatBytes(type, pieces, total);
            case DataType.NullType t -> new NullVector(total);
            case DataType.ListType list -> concatLists(list, pieces, total);
            case DataType.StructType struct -> concatStructs(struct, pieces, total);
        };
    }

    private static long[] concatValidity(List<Vector> parts, int total) {
        boolean anyNulls = false;
        for (Vector part : parts) {
            anyNulls |= part.validity() != null;
        }
        if (!anyNulls) {
            return null;
        }
        long[] out = Bitmap.allSet(total);
        int position = 0;
        for (Vector part : parts) {
            long[] validity = part.validity();
            if (validity != null) {
                for (int i = 0; i < part.length(); i++) {
                    if (!Bitmap.get(validity, i)) {
                        Bitmap.clear(out, position + i);
                    }
                }
            }
            position += part.length();
        }
        return Bitmap.normalize(out, total);
    }

    private static Vector concatBooleans(List<Vector> parts, int total) {
        boolean[] out = new boolean[total];
        int position = 0;
        for (Vector part : parts) {
            System.arraycopy(((BooleanVector) part).values(), 0, out, position, part.length());
            position += part.length();
        }
        return new BooleanVector(out, concatValidity(parts, total), total);
    }

    private static Vector concatInts(DataType type, List<Vector> parts, int total) {
        int[] out = new int[total];
        int position = 0;
        for (Vector part : parts) {
            System.arraycopy(((IntVector) part).values(), 0, out, position, part.length());
            position += part.length();
        }
        return new IntVector(type, out, concatValidity(parts, total), total);
    }

    private static Vector concatLongs(DataType type, List<Vector> parts, int total) {
        long[] out = new long[total];
        int position = 0;
        for (Vector part : parts) {
            System.arraycopy(((LongVector) part).values(), 0, out, position, part.length());
            position += part.length();
        }
        return new LongVector(type, out, concatValidity(parts, total), total);
    }

    private static Vector concatDoubles(DataType type, List<Vector> parts, int total) {
        double[] out = new double[total];
        int position = 0;
        for (Vector part : parts) {
            System.arraycopy(((DoubleVector) part).values(), 0, out, position, part.length());
            position += part.length();
        }
        return new DoubleVector(type, out, concatValidity(parts, total), total);
    }

    private static Vector concatInt128(DataType type, List<Vector> parts, int total) {
        long[] high = new long[total];
        long[] low = new long[total];
        int position = 0;
        for (Vector part : parts) {
            Int128Vector wide = (Int128Vector) part;
            System.arraycopy(wide.high(), 0, high, position, part.length());
            System.arraycopy(wide.low(), 0, low, position, part.length());
            position += part.length();
        }
        return new Int128Vector(type, high, low, concatValidity(parts, total), total);
    }

    private static Vector concatBytes(DataType type, List<Vector> parts, int total) {
        long bytes = 0;
        for (Vector part : parts) {
            BytesVector vector = (BytesVector) part;
            bytes += vector.offsets()[vector.length()] - vector.offsets()[0];
        }
        byte[] data = new byte[Math.toIntExact(bytes)];
        int[] offsets = new int[total + 1];
        int row = 0;
        int position = 0;
        for (Vector part : parts) {
            BytesVector vector = (BytesVector) part;
            int[] partOffsets = vector.offsets();
            int start = partOffsets[0];
            int size = partOffsets[vector.length()] - start;
            System.arraycopy(vector.data(), start, data, position, size);
            for (int i = 1; i <= vector.length(); i++) {
                offsets[row + i] = position + partOffsets[i] - start;
            }
            row += vector.length();
            position += size;
        }
        return new BytesVector(type, offsets, data, concatValidity(parts, total), total);
    }

    private static Vector concatLists(DataType.ListType type, List<Vector> parts, int total) {
        int[] offsets = new int[total + 1];
        List<Vector> elementParts = new ArrayList<>();
        int row = 0;
        int elementBase = 0;
        for (Vector part : parts) {
            ListVector list = (ListVector) part;
            int first = list.offsets()[0];
            int last = list.offsets()[list.length()];
            for (int i = 1; i <= list.length(); i++) {
                offsets[row + i] = elementBase + list.offsets()[i] - first;
            }
            elementParts.add(list.elements().slice(first, last - first));
            elementBase += last - first;
            row += list.length();
        }
        return new ListVector(type, offsets, concat(type.inner(), elementParts), concatValidity(parts, total), total);
    }

    private static Vector concatStructs(DataType.StructType type, List<Vector> parts, int total) {
        List<Vector> children = new ArrayList<>();
        for (int f = 0; f < type.fields().size(); f++) {
            List<Vector> childParts = new ArrayList<>();
            for (Vector part : parts) {
                childParts.add(((StructVector) part).children().get(f));
            }
            children.add(concat(type.fields().get(f).type(), childParts));
        }
        return new StructVector(type, children, concatValidity(parts, total), total);
    }

    /** A vector of the given type from Java objects as {@link Vector#getObject} returns them ({@code null} is a null row). */
    public static Vector fromObjects(DataType type, List<?> values) {
        return ObjectConverter.toVector(type, values);
    }

    /** Concatenates batches of one schema into one batch. */
    public static Batch concatBatches(dev.floe.core.types.Schema schema, List<Batch> batches) {
        if (batches.size() == 1) {
            return batches.getFirst();
        }
        if (batches.isEmpty()) {
            return Batch.empty(schema);
        }
        List<Vector> columns = new ArrayList<>(schema.size());
        int rows = 0;
        for (Batch batch : batches) {
            rows += batch.rowCount();
        }
        for (int c = 0; c < schema.size(); c++) {
            List<Vector> parts = new ArrayList<>(batches.size());
            for (Batch batch : batches) {
                parts.add(batch.column(c));
            }
            columns.add(concat(schema.field(c).type(), parts));
        }
        return new Batch(schema, columns, rows);
    }
}
