package dev.floe.core.types;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An ordered list of uniquely named fields: the shape of a frame, a batch or a plan's output. */
public record Schema(List<Field> fields) {
    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        fields = List.copyOf(fields);
        checkUniqueNames(fields);
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    static void checkUniqueNames(List<Field> fields) {
        Set<String> seen = new HashSet<>();
        for (Field field : fields) {
            if (!seen.add(field.name())) {
                throw new FloeException(ErrorCode.DUPLICATE_COLUMN, "column name '" + field.name()
                        + "' appears more than once in " + names(fields)
                        + "; give each output a unique name with alias()");
            }
        }
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    public List<String> names() {
        return names(fields);
    }

    public List<DataType> types() {
        return fields.stream().map(Field::type).toList();
    }

    /** The index of the named column, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    public Optional<Field> find(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(fields.get(index));
    }

    /** The index of the named column; a {@link ErrorCode#COLUMN_NOT_FOUND} error listing the columns that exist otherwise. */
    public int require(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw columnNotFound(name);
        }
        return index;
    }

    public Field field(String name) {
        return fields.get(require(name));
    }

    public FloeException columnNotFound(String name) {
        return new FloeException(ErrorCode.COLUMN_NOT_FOUND,
                "column '" + name + "' not found; the columns are " + names());
    }

    /** Only the named columns, in the given order. */
    public Schema select(List<String> names) {
        List<Field> selected = new ArrayList<>(names.size());
        for (String name : names) {
            selected.add(field(name));
        }
        return new Schema(selected);
    }

    public Schema append(Field field) {
        List<Field> all = new ArrayList<>(fields);
        all.add(field);
        return new Schema(all);
    }

    public Map<String, DataType> asMap() {
        Map<String, DataType> map = new java.util.LinkedHashMap<>();
        for (Field field : fields) {
            map.put(field.name(), field.type());
        }
        return map;
    }

    /** Index by name for many look-ups. */
    public Map<String, Integer> indexMap() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.get(i).name(), i);
        }
        return map;
    }

    @Override
    public String toString() {
        return fields.stream().map(Field::toString).collect(Collectors.joining(", ", "Schema(", ")"));
    }
}
