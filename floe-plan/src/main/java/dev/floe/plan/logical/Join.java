package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Combines two inputs on equal keys ({@code leftKeys[i] == rightKeys[i]}; null keys never match), or all pairs
 * for {@link JoinType#CROSS} (no keys). Output columns follow Polars:
 * <ul>
 * <li>INNER, LEFT: the left columns, then the right columns except right keys that are plain columns (their
 * values equal the left keys'); a right column whose name is taken gets {@code suffix}.</li>
 * <li>RIGHT: the left columns except left keys that are plain columns, then the right columns.</li>
 * <li>FULL: all left columns then all right columns (no coalescing), clashing right names suffixed.</li>
 * <li>SEMI, ANTI: the left columns only. CROSS: all left then all right columns, clashes suffixed.</li>
 * </ul>
 * Key pairs have equal types (the resolver casts to a common type). {@code schema} is the output schema these
 * rules give, kept with the node (the constructor without it derives it).
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType type, List<LogicalExpr> leftKeys,
        List<LogicalExpr> rightKeys, String suffix, Schema schema) implements LogicalPlan {
    public Join(LogicalPlan left, LogicalPlan right, JoinType type, List<LogicalExpr> leftKeys,
            List<LogicalExpr> rightKeys, String suffix) {
        this(left, right, type, leftKeys, rightKeys, suffix,
                outputSchema(left.schema(), right.schema(), type, leftKeys, rightKeys, suffix));
    }

    public Join {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(type, "type");
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        Objects.requireNonNull(suffix, "suffix");
        if (leftKeys.size() != rightKeys.size()) {
            throw FloeException.internal("join with " + leftKeys.size() + " left keys and " + rightKeys.size()
                    + " right keys");
        }
        if ((type == JoinType.CROSS) != leftKeys.isEmpty()) {
            throw FloeException.internal(type == JoinType.CROSS ? "a cross join takes no keys"
                    : "a " + type.polarsName() + " join needs at least one key");
        }
        for (int i = 0; i < leftKeys.size(); i++) {
            PlanChecks.columnsExist(leftKeys.get(i), left.schema(), "left join key");
            PlanChecks.columnsExist(rightKeys.get(i), right.schema(), "right join key");
            DataType leftType = leftKeys.get(i).type();
            if (!leftType.equals(rightKeys.get(i).type())) {
                throw FloeException.internal("join key types differ: " + leftType + " and " + rightKeys.get(i).type());
            }
        }
        PlanChecks.storedSchema("join", schema,
                outputSchema(left.schema(), right.schema(), type, leftKeys, rightKeys, suffix));
    }

    /** Names of the keys that are plain column references, or {@code null} for other key expressions. */
    private static Set<String> plainKeyNames(List<LogicalExpr> keys) {
        Set<String> names = new HashSet<>();
        for (LogicalExpr key : keys) {
            if (key instanceof LogicalExpr.Column column) {
                names.add(column.name());
            }
        }
        return names;
    }

    /** Whether the right column at {@code index} appears in the output (false for coalesced right keys). */
    public boolean keepsRightColumn(String name) {
        return switch (type) {
            case INNER, LEFT -> !plainKeyNames(rightKeys).contains(name);
            case RIGHT, FULL, CROSS -> true;
            case SEMI, ANTI -> false;
        };
    }

    /** Whether the left column appears in the output (false for left keys of a right join). */
    public boolean keepsLeftColumn(String name) {
        return type != JoinType.RIGHT || !plainKeyNames(leftKeys).contains(name);
    }

    static Schema outputSchema(Schema left, Schema right, JoinType type, List<LogicalExpr> leftKeys,
            List<LogicalExpr> rightKeys, String suffix) {
        List<Field> fields = new ArrayList<>();
        Set<String> leftKeyNames = plainKeyNames(leftKeys);
        Set<String> rightKeyNames = plainKeyNames(rightKeys);
        for (Field field : left.fields()) {
            if (type != JoinType.RIGHT || !leftKeyNames.contains(field.name())) {
                fields.add(field);
            }
        }
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return new Schema(fields);
        }
        Set<String> taken = new HashSet<>();
        fields.forEach(f -> taken.add(f.name()));
        for (Field field : right.fields()) {
            boolean coalesced = (type == JoinType.INNER || type == JoinType.LEFT)
                    && rightKeyNames.contains(field.name());
            if (coalesced) {
                continue;
            }
            String name = taken.contains(field.name()) ? field.name() + suffix : field.name();
            if (!taken.add(name)) {
                throw new FloeException(dev.floe.core.ErrorCode.DUPLICATE_COLUMN, "join output column '" + name
                        + "' already exists; choose another suffix than '" + suffix + "'");
            }
            fields.add(field.withName(name));
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 2);
        return new Join(inputs.get(0), inputs.get(1), type, leftKeys, rightKeys, suffix);
    }
}
