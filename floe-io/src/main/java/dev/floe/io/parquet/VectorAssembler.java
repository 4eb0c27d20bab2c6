package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Builds a column's Floe vector from its leaves' levels and dense values. A node's "slots" in a leaf are the
 * level entries with repetition level at most R and definition level at least D (R, D given by its parent);
 * each slot is one value of the node: null below the node's present level, else a value (for lists, the
 * following element slots).
 */
final class VectorAssembler {
    private final IntFunction<ColumnData> data;
    private final IntFunction<Vector> dense;

    VectorAssembler(IntFunction<ColumnData> data, IntFunction<Vector> dense) {
        this.data = data;
        this.dense = dense;
    }

    Vector build(ParquetNode node) {
        if (node instanceof ParquetNode.Primitive primitive && primitive.repetitionLevel() == 0) {
            return flat(primitive);
        }
        return build(node, 0, 0);
    }

    /** A top-level or struct-nested primitive without repetition: rows are the level entries. */
    private Vector flat(ParquetNode.Primitive primitive) {
        ColumnData column = data.apply(primitive.column());
        Vector values = dense.apply(primitive.column());
        int rows = column.levelCount();
        if (column.definition() == null || values.length() == rows) {
            return values;
        }
        int[] definition = column.definition();
        int present = primitive.presentLevel();
        int[] take = new int[rows];
        int next = 0;
        for (int i = 0; i < rows; i++) {
            take[i] = definition[i] == present ? next++ : -1;
        }
        return values.take(take, rows);
    }

    private Vector build(ParquetNode node, int slotRepetition, int slotDefinition) {
        return switch (node) {
            case ParquetNode.Primitive primitive -> primitive(primitive, slotRepetition, slotDefinition);
            case ParquetNode.Struct struct -> struct(struct, slotRepetition, slotDefinition);
            case ParquetNode.ListNode list -> list(list, slotRepetition, slotDefinition);
        };
    }

    private Vector primitive(ParquetNode.Primitive primitive, int slotRepetition, int slotDefinition) {
        ColumnData column = data.apply(primitive.column());
        Vector values = dense.apply(primitive.column());
        int[] definition = column.definition();
        int[] repetition = column.repetition();
        int entries = column.levelCount();
        int present = primitive.presentLevel();
        int[] take = new int[entries];
        int slots = 0;
        int next = 0;
        for (int e = 0; e < entries; e++) {
            int def = definition == null ? 0 : definition[e];
            int rep = repetition == null ? 0 : repetition[e];
            if (rep <= slotRepetition && def >= slotDefinition) {
                take[slots++] = def >= present ? next : -1;
            }
            if (def >= present) {
                next++;
            }
        }
        return values.take(take, slots);
    }

    private Vector struct(ParquetNode.Struct struct, int slotRepetition, int slotDefinition) {
        ColumnData column = data.apply(struct.firstLeaf());
        int[] definition = column.definition();
        int[] repetition = column.repetition();
        int entries = column.levelCount();
        long[] validity = Bitmap.allSet(entries);
        int slots = 0;
        for (int e = 0; e < entries; e++) {
            int def = definition == null ? 0 : definition[e];
            int rep = repetition == null ? 0 : repetition[e];
            if (rep <= slotRepetition && def >= slotDefinition) {
                if (def < struct.presentLevel()) {
                    Bitmap.clear(validity, slots);
                }
                slots++;
            }
        }
        List<Vector> children = new ArrayList<>(struct.children().size());
        for (ParquetNode child : struct.children()) {
            children.add(build(child, slotRepetition, slotDefinition));
        }
        return new StructVector(struct.type(), children, Bitmap.normalize(validity, slots), slots);
    }

    private Vector list(ParquetNode.ListNode list, int slotRepetition, int slotDefinition) {
        ColumnData column = data.apply(list.firstLeaf());
        int[] definition = column.definition();
        int[] repetition = column.repetition();
        int entries = column.levelCount();
        long[] validity = Bitmap.allSet(entries);
        int[] offsets = new int[entries + 1];
        int slots = 0;
        int elements = 0;
        for (int e = 0; e < entries; e++) {
            int def = definition == null ? 0 : definition[e];
            int rep = repetition == null ? 0 : repetition[e];
            if (rep <= slotRepetition && def >= slotDefinition) {
                if (def < list.presentLevel()) {
                    Bitmap.clear(validity, slots);
                }
                slots++;
            }
            if (rep <= list.repetitionLevel() && def >= list.elementLevel()) {
                elements++;
            }
            offsets[slots] = elements;
        }
        Vector inner = build(list.element(), list.repetitionLevel(), list.elementLevel());
        DataType.ListType type = list.type();
        return new ListVector(type, java.util.Arrays.copyOf(offsets, slots + 1), inner,
                Bitmap.normalize(validity, slots), slots);
    }
}
