package dev.floe.plan.optimizer;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each output column of a join comes from (which side, under which input name), following the naming
 * rules documented on {@link Join}; rules use it to map predicates and required columns to the inputs.
 */
public final class JoinColumns {
    /** One output column: its name and its origin on the left or right input. */
    public record Origin(String outputName, boolean fromLeft, String inputName, DataType type) {
    }

    private final List<Origin> origins;
    private final Map<String, Origin> byOutputName = new HashMap<>();

    private JoinColumns(List<Origin> origins) {
        this.origins = List.copyOf(origins);
        for (Origin origin : origins) {
            byOutputName.put(origin.outputName(), origin);
        }
    }

    public static JoinColumns of(Join join) {
        List<Origin> origins = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Field field : join.left().schema().fields()) {
            if (join.keepsLeftColumn(field.name())) {
                origins.add(new Origin(field.name(), true, field.name(), field.type()));
                taken.add(field.name());
            }
        }
        if (join.type() != JoinType.SEMI && join.type() != JoinType.ANTI) {
            for (Field field : join.right().schema().fields()) {
                if (!join.keepsRightColumn(field.name())) {
                    continue;
                }
                String name = taken.contains(field.name()) ? field.name() + join.suffix() : field.name();
                taken.add(name);
                origins.add(new Origin(name, false, field.name(), field.type()));
            }
        }
        return new JoinColumns(origins);
    }

    public List<Origin> origins() {
        return origins;
    }

    /** The origin of an output column, or null when the join has no such column. */
    public Origin origin(String outputName) {
        return byOutputName.get(outputName);
    }

    /** The output name of an input column, or null when the join does not output it. */
    public String outputName(boolean fromLeft, String inputName) {
        for (Origin origin : origins) {
            if (origin.fromLeft() == fromLeft && origin.inputName().equals(inputName)) {
                return origin.outputName();
            }
        }
        return null;
    }
}
