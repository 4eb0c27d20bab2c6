package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.BytesVectorBuilder;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/** Turns the encoded keys of a {@link RowGroupTable} back into key columns. */
final class KeyDecoder {
    private KeyDecoder() {
    }

    static List<Vector> decode(List<DataType> types, byte[] arena, int[] starts, int count) {
        int columns = types.size();
        int[] cursor = java.util.Arrays.copyOf(starts, count);
        List<Vector> out = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            out.add(decodeColumn(types.get(c), arena, cursor, count));
        }
        return out;
    }

    private static Vector decodeColumn(DataType type, byte[] arena, int[] cursor, int count) {
        long[] validity = Bitmap.allSet(count);
        if (type instanceof DataType.NullType) {
            for (int g = 0; g < count; g++) {
                cursor[g]++;
            }
            return new NullVector(count);
        }
        if (BytesVector.accepts(type)) {
            BytesVectorBuilder builder = new BytesVectorBuilder(type, count);
            for (int g = 0; g < count; g++) {
                int at = cursor[g];
                if (arena[at] == 0) {
                    builder.appendNull();
                    cursor[g] = at + 1;
                } else {
                    int length = KeyEncoder.ByteBuffer.readInt(arena, at + 1);
                    builder.append(arena, at + 5, length);
                    cursor[g] = at + 5 + length;
                }
            }
            return builder.build();
        }
        if (LongVector.accepts(type)) {
            long[] values = new long[count];
            for (int g = 0; g < count; g++) {
                int at = cursor[g];
                if (valid(arena, at, validity, g)) {
                    values[g] = KeyEncoder.ByteBuffer.readLong(arena, at + 1);
                    cursor[g] = at + 9;
                } else {
                    cursor[g] = at + 1;
                }
            }
            return new LongVector(type, values, Bitmap.normalize(validity, count), count);
        }
        if (IntVector.accepts(type)) {
            int[] values = new int[count];
            for (int g = 0; g < count; g++) {
                int at = cursor[g];
                if (valid(arena, at, validity, g)) {
                    values[g] = KeyEncoder.ByteBuffer.readInt(arena, at + 1);
                    cursor[g] = at + 5;
                } else {
                    cursor[g] = at + 1;
                }
            }
            return new IntVector(type, values, Bitmap.normalize(validity, count), count);
        }
        if (DoubleVector.accepts(type)) {
            double[] values = new double[count];
            for (int g = 0; g < count; g++) {
                int at = cursor[g];
                if (valid(arena, at, validity, g)) {
                    values[g] = Double.longBitsToDouble(KeyEncoder.ByteBuffer.readLong(arena, at + 1));
                    cursor[g] = at + 9;
                } else {
                    cursor[g] = at + 1;
                }
            }
            return new DoubleVector(type, values, Bitmap.normalize(validity, count), count);
        }
        if (type instanceof DataType.BooleanType) {
            boolean[] values = new boolean[count];
            for (int g = 0; g < count; g++) {
                int at = cursor[g];
                if (valid(arena, at, validity, g)) {
                    values[g] = arena[at + 1] != 0;
                    cursor[g] = at + 2;
                } else {
                    cursor[g] = at + 1;
                }
            }
            return new BooleanVector(values, Bitmap.normalize(validity, count), count);
        }
        long[] high = new long[count];
        long[] low = new long[count];
        for (int g = 0; g < count; g++) {
            int at = cursor[g];
            if (valid(arena, at, validity, g)) {
                high[g] = KeyEncoder.ByteBuffer.readLong(arena, at + 1);
                low[g] = KeyEncoder.ByteBuffer.readLong(arena, at + 9);
                cursor[g] = at + 17;
            } else {
                cursor[g] = at + 1;
            }
        }
        return new Int128Vector(type, high, low, Bitmap.normalize(validity, count), count);
    }

    private static boolean valid(byte[] arena, int at, long[] validity, int group) {
        if (arena[at] == 0) {
            Bitmap.clear(validity, group);
            return false;
        }
        return true;
    }
}
