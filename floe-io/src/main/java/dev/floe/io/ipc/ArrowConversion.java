package dev.floe.io.ipc;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Converts Floe batches to Arrow {@link VectorSchemaRoot}s and back, for every Floe type, with bulk buffer
 * copies: the bridge to Arrow IPC files and Arrow Flight shuffles. Strings become Arrow Utf8, lists List,
 * Decimal Decimal128, Time Time64(ns); reading also accepts LargeUtf8, Utf8View, LargeList, FixedSizeList,
 * second-unit temporals and dictionary-encoded columns (decoded to their values).
 */
public final class ArrowConversion {
    private ArrowConversion() {
    }

    /** A new root holding the batch's rows; the caller closes it. */
    public static VectorSchemaRoot toArrow(Batch batch, BufferAllocator allocator) {
        Schema schema = batch.schema();
        List<FieldVector> vectors = new ArrayList<>(schema.size());
        List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>(schema.size());
        try {
            for (int i = 0; i < schema.size(); i++) {
                org.apache.arrow.vector.types.pojo.Field field = ArrowTypes.toArrowField(schema.field(i));
                fields.add(field);
                vectors.add(FloeToArrow.convert(batch.column(i), field, allocator));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
        return new VectorSchemaRoot(fields, vectors, batch.rowCount());
    }

    /** One Floe vector as a new Arrow vector named {@code name}; the caller closes it. */
    public static FieldVector toArrow(String name, Vector vector, BufferAllocator allocator) {
        return FloeToArrow.convert(vector, ArrowTypes.toArrowField(name, vector.type()), allocator);
    }

    /** The root's rows as a batch (copied: the root may be reused or closed afterwards). */
    public static Batch fromArrow(VectorSchemaRoot root) {
        return fromArrow(root, null);
    }

    /** The root's rows as a batch, decoding dictionary-encoded columns through {@code dictionaries}. */
    public static Batch fromArrow(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        List<FieldVector> vectors = root.getFieldVectors();
        List<Field> fields = new ArrayList<>(vectors.size());
        List<Vector> columns = new ArrayList<>(vectors.size());
        for (FieldVector vector : vectors) {
            Vector column = fromArrow(vector, dictionaries);
            fields.add(Field.of(vector.getName(), column.type()));
            columns.add(column);
        }
        return new Batch(new Schema(fields), columns, root.getRowCount());
    }

    /** One Arrow vector as a Floe vector (copied), decoding a dictionary-encoded vector through {@code dictionaries}. */
    public static Vector fromArrow(FieldVector vector, DictionaryProvider dictionaries) {
        DictionaryEncoding encoding = vector.getField().getDictionary();
        if (encoding == null) {
            return ArrowToFloe.convert(vector, ArrowTypes.fromArrowType(vector.getField()));
        }
        Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
        if (dictionary == null) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, "column '" + vector.getName()
                    + "' is dictionary-encoded but its dictionary " + encoding.getId() + " is missing");
        }
        FieldVector values = dictionary.getVector();
        Vector decodedValues = ArrowToFloe.convert(values, ArrowTypes.fromArrowType(values.getField()));
        return decode(vector, decodedValues);
    }

    private static Vector decode(FieldVector indexVector, Vector values) {
        DataType indexType = ArrowTypes.fromArrowType(org.apache.arrow.vector.types.pojo.Field.nullable("index",
                indexVector.getField().getDictionary().getIndexType()));
        Vector indices = ArrowToFloe.convert(indexVector, indexType);
        int count = indices.length();
        int[] rows = new int[count];
        int dictionarySize = values.length();
        for (int i = 0; i < count; i++) {
            if (indices.isNull(i)) {
                rows[i] = -1;
                continue;
            }
            long index = switch (indices) {
                case IntVector ints -> ints.get(i);
                case LongVector longs -> longs.get(i);
                default -> throw FloeException.internal("dictionary indices of type " + indices.type());
            };
            if (index < 0 || index >= dictionarySize) {
                throw new FloeException(ErrorCode.CORRUPT_FILE, "column '" + indexVector.getName()
                        + "' refers to dictionary entry " + index + " of " + dictionarySize);
            }
            rows[i] = (int) index;
        }
        return values.take(rows, count);
    }
}
