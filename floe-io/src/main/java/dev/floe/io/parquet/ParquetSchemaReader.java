package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.SchemaElement;

/** Turns a footer's flattened schema (depth-first SchemaElements) into a tree of {@link ParquetNode}s. */
final class ParquetSchemaReader {
    private final String file;
    private final List<SchemaElement> elements;
    private final Map<String, DataType> hints;
    private int position;
    private int leaves;

    private ParquetSchemaReader(String file, List<SchemaElement> elements, Map<String, DataType> hints) {
        this.file = file;
        this.elements = elements;
        this.hints = hints;
    }

    static List<ParquetNode> read(String file, List<SchemaElement> elements, Map<String, DataType> hints) {
        if (elements == null || elements.isEmpty()) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": the footer has an empty schema");
        }
        ParquetSchemaReader reader = new ParquetSchemaReader(file, elements, hints);
        SchemaElement root = elements.getFirst();
        reader.position = 1;
        List<ParquetNode> columns = new ArrayList<>();
        for (int i = 0; i < root.getNum_children(); i++) {
            columns.add(reader.node(0, 0, List.of(), true));
        }
        if (reader.position != elements.size()) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": the footer schema has "
                    + elements.size() + " elements but the tree uses " + reader.position);
        }
        return columns;
    }

    private SchemaElement next() {
        if (position >= elements.size()) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": the footer schema ends inside a group");
        }
        return elements.get(position++);
    }

    private ParquetNode node(int parentDefinition, int parentRepetition, List<String> parentPath, boolean topLevel) {
        SchemaElement element = next();
        FieldRepetitionType repetition = element.isSetRepetition_type() ? element.getRepetition_type()
                : FieldRepetitionType.REQUIRED;
        List<String> path = append(parentPath, element.getName());
        if (repetition == FieldRepetitionType.REPEATED) {
            // a repeated field outside a LIST annotation: a list of required elements, itself never null
            int elementLevel = parentDefinition + 1;
            int repetitionLevel = parentRepetition + 1;
            ParquetNode inner = body(element, elementLevel, repetitionLevel, path, topLevel);
            return new ParquetNode.ListNode(element.getName(), DataType.list(inner.type()), inner, parentDefinition,
                    elementLevel, repetitionLevel);
        }
        int present = parentDefinition + (repetition == FieldRepetitionType.OPTIONAL ? 1 : 0);
        return body(element, present, parentRepetition, path, topLevel);
    }

    /** The node for {@code element} once its own repetition is accounted for. */
    private ParquetNode body(SchemaElement element, int present, int repetition, List<String> path, boolean topLevel) {
        int children = element.isSetNum_children() ? element.getNum_children() : 0;
        if (children == 0 && element.isSetType()) {
            DataType hint = topLevel ? hints.get(element.getName()) : null;
            DataType type = ParquetTypes.primitive(file, element, hint);
            return new ParquetNode.Primitive(element.getName(), type, element, leaves++, present, repetition, path);
        }
        if (children <= 0) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": group '" + element.getName()
                    + "' has no children");
        }
        boolean listAnnotated = element.isSetLogicalType() && (element.getLogicalType().isSetLIST()
                || element.getLogicalType().isSetMAP())
                || element.isSetConverted_type() && (element.getConverted_type() == ConvertedType.LIST
                || element.getConverted_type() == ConvertedType.MAP
                || element.getConverted_type() == ConvertedType.MAP_KEY_VALUE);
        if (listAnnotated && children == 1) {
            SchemaElement repeated = elements.get(position);
            if (repeated.getRepetition_type() == FieldRepetitionType.REPEATED) {
                return list(element, repeated, present, repetition, path);
            }
        }
        List<ParquetNode> fields = new ArrayList<>(children);
        List<Field> types = new ArrayList<>(children);
        for (int i = 0; i < children; i++) {
            ParquetNode child = node(present, repetition, path, false);
            fields.add(child);
            types.add(Field.of(child.name(), child.type()));
        }
        return new ParquetNode.Struct(element.getName(), DataType.struct(types), fields, present);
    }

    private ParquetNode list(SchemaElement list, SchemaElement repeated, int present, int repetition,
            List<String> path) {
        position++;
        int elementLevel = present + 1;
        int elementRepetition = repetition + 1;
        List<String> repeatedPath = append(path, repeated.getName());
        int repeatedChildren = repeated.isSetNum_children() ? repeated.getNum_children() : 0;
        ParquetNode element;
        if (repeatedChildren == 0) {
            element = body(repeated, elementLevel, elementRepetition, repeatedPath, false);
        } else if (repeatedChildren > 1 || repeated.getName().equals("array")
                || repeated.getName().equals(list.getName() + "_tuple")) {
            position--;
            SchemaElement self = next();
            element = body(self, elementLevel, elementRepetition, repeatedPath, false);
        } else {
            element = node(elementLevel, elementRepetition, repeatedPath, false);
        }
        return new ParquetNode.ListNode(list.getName(), DataType.list(element.type()), element, present, elementLevel,
                elementRepetition);
    }

    private static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path);
        out.add(name);
        return out;
    }
}
