package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.explain.ExprFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import java.util.ArrayList;
import java.util.List;

/** Resolves one expression (wildcards already expanded) against an input schema into a typed LogicalExpr. */
final class ExprResolver {
    private final Schema schema;

    ExprResolver(Schema schema) {
        this.schema = schema;
    }

    LogicalExpr resolve(Expr expr) {
        return resolve(expr, false);
    }

    private LogicalExpr resolve(Expr expr, boolean insideAggregate) {
        return switch (expr) {
            case Expr.Column column -> {
                int index = schema.indexOf(column.name());
                if (index < 0) {
                    throw schema.columnNotFound(column.name());
                }
                yield new LogicalExpr.Column(column.name(), schema.field(index).type());
            }
            case Expr.Columns columns -> throw wildcardLeft(expr);
            case Expr.All all -> throw wildcardLeft(expr);
            case Expr.Exclude exclude -> throw wildcardLeft(expr);
            case Expr.Literal literal -> {
                DataType type = literal.type() != null ? literal.type() : LiteralValues.defaultType(literal.value());
                yield new LogicalExpr.Literal(LiteralValues.convert(literal.value(), type, ExprFormat.format(expr)),
                        type);
            }
            case Expr.Alias alias -> resolve(alias.input(), insideAggregate);
            case Expr.Binary binary -> binary(binary, insideAggregate);
            case Expr.Function function -> {
                List<LogicalExpr> arguments = new ArrayList<>();
                for (Expr argument : function.arguments()) {
                    arguments.add(resolve(argument, insideAggregate));
                }
                yield FunctionResolver.resolve(function, arguments);
            }
            case Expr.Cast cast -> new LogicalExpr.Cast(resolve(cast.input(), insideAggregate), cast.type(),
                    cast.strict());
            case Expr.When when -> when(when, insideAggregate);
            case Expr.Aggregation aggregation -> {
                if (insideAggregate) {
                    throw new FloeException(ErrorCode.INVALID_PLAN, "nested aggregation in "
                            + ExprFormat.format(expr) + ": an aggregation cannot take another aggregation as input");
                }
                LogicalExpr input = aggregation.input() == null ? null : resolve(aggregation.input(), true);
                yield AggregateResolver.resolve(aggregation, input);
            }
            case Expr.Unique unique -> throw new FloeException(ErrorCode.INVALID_PLAN, ExprFormat.format(expr)
                    + ": unique() changes the number of rows, so it is supported only as the whole of every "
                    + "expression of a select, e.g. select(col(\"a\").unique())");
            case Expr.Window window -> {
                if (insideAggregate) {
                    throw new FloeException(ErrorCode.INVALID_PLAN, "window expression " + ExprFormat.format(expr)
                            + " inside an aggregation is not supported");
                }
                LogicalExpr function = resolve(window.function(), false);
                if (!Aggregates.containsAggregate(function)) {
                    throw new FloeException(ErrorCode.INVALID_PLAN, "over() needs an aggregation to compute per "
                            + "partition, such as col(\"a\").sum().over(\"g\"); got " + ExprFormat.format(expr));
                }
                List<LogicalExpr> partitionBy = new ArrayList<>();
                for (Expr partition : window.partitionBy()) {
                    LogicalExpr resolved = resolve(partition, false);
                    if (Aggregates.containsAggregate(resolved)) {
                        throw new FloeException(ErrorCode.INVALID_PLAN, "over() partitions by "
                                + ExprFormat.format(partition) + ", an aggregation; partition by columns");
                    }
                    partitionBy.add(resolved);
                }
                yield new LogicalExpr.Window(function, partitionBy, function.type());
            }
        };
    }

    private static FloeException wildcardLeft(Expr expr) {
        return new FloeException(ErrorCode.INVALID_PLAN, ExprFormat.format(expr)
                + " selects several columns and cannot be used where one expression is expected");
    }

    private LogicalExpr binary(Expr.Binary binary, boolean insideAggregate) {
        String text = ExprFormat.format(binary);
        LogicalExpr left = resolve(binary.left(), insideAggregate);
        LogicalExpr right = resolve(binary.right(), insideAggregate);
        BinaryOperator operator = binary.operator();
        if (operator.isLogical()) {
            requireBoolean(left, text, "left operand");
            requireBoolean(right, text, "right operand");
            return new LogicalExpr.Binary(operator, Operands.coerce(left, DataType.BOOLEAN, text),
                    Operands.coerce(right, DataType.BOOLEAN, text), DataType.BOOLEAN);
        }
        if (operator == BinaryOperator.POWER) {
            if (!left.type().isNumeric() || !right.type().isNumeric()) {
                throw mismatch(text, left.type(), right.type(), "pow needs numeric operands");
            }
            DataType result = left.type().isFloat() ? left.type()
                    : right.type().isFloat() || left.type() instanceof DataType.DecimalType ? DataType.FLOAT64
                    : left.type();
            return new LogicalExpr.Binary(operator, Operands.coerce(left, result, text), right, result);
        }
        List<Operands.Operand> operands = List.of(Operands.Operand.of(binary.left(), left),
                Operands.Operand.of(binary.right(), right));
        DataType common = Operands.commonType(operands);
        if (common == null) {
            throw mismatch(text, operandType(operands.get(0), right.type()), operandType(operands.get(1), left.type()),
                    operator.isComparison() ? "comparison needs operands of compatible types"
                            : "arithmetic needs numeric operands");
        }
        if (operator.isComparison()) {
            if (common.isNested()) {
                throw mismatch(text, left.type(), right.type(), "nested values cannot be compared");
            }
            return new LogicalExpr.Binary(operator, Operands.coerce(left, common, text),
                    Operands.coerce(right, common, text), DataType.BOOLEAN);
        }
        if (!common.isNumeric()) {
            throw mismatch(text, operandType(operands.get(0), right.type()), operandType(operands.get(1), left.type()),
                    "arithmetic needs numeric operands");
        }
        DataType operandType = common;
        if (operator == BinaryOperator.TRUE_DIVIDE && (common.isInteger() || common instanceof DataType.DecimalType)) {
            // Integer and decimal division is true division in Float64 (decimals: a documented deviation).
            operandType = DataType.FLOAT64;
        }
        if (common instanceof DataType.DecimalType decimal && (operator == BinaryOperator.MULTIPLY
                || operator == BinaryOperator.FLOOR_DIVIDE || operator == BinaryOperator.MODULO
                || operator == BinaryOperator.POWER)) {
            if (operator != BinaryOperator.MULTIPLY) {
                operandType = DataType.FLOAT64;
            } else {
                // Unscaled values multiply exactly into scale s + s; precision is capped at 18 digits (a long).
                DataType product = DataType.decimal(Math.min(DataType.DecimalType.MAX_LONG_PRECISION,
                        Math.max(decimal.precision() * 2, 2 * decimal.scale() + 1)), 2 * decimal.scale());
                return new LogicalExpr.Binary(operator, Operands.coerce(left, common, text),
                        Operands.coerce(right, common, text), product);
            }
        }
        return new LogicalExpr.Binary(operator, Operands.coerce(left, operandType, text),
                Operands.coerce(right, operandType, text), operandType);
    }

    /** The type to report for an operand: an untyped literal's type as it adapts to the other side. */
    private static DataType operandType(Operands.Operand operand, DataType other) {
        return operand.dynamic() ? Operands.adapt(operand.value(), other) : operand.expr().type();
    }

    private static void requireBoolean(LogicalExpr operand, String text, String which) {
        if (!(operand.type() instanceof DataType.BooleanType) && !(operand.type() instanceof DataType.NullType)) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "the " + which + " of " + text + " has type "
                    + operand.type() + "; logical operators need Boolean operands");
        }
    }

    static FloeException mismatch(String text, DataType left, DataType right, String rule) {
        return new FloeException(ErrorCode.TYPE_MISMATCH, "cannot evaluate " + text + ": operand types " + left
                + " and " + right + " do not match; " + rule);
    }

    private LogicalExpr when(Expr.When when, boolean insideAggregate) {
        String text = ExprFormat.format(when);
        List<LogicalExpr> conditions = new ArrayList<>();
        List<Operands.Operand> values = new ArrayList<>();
        for (Expr.Branch branch : when.branches()) {
            LogicalExpr condition = resolve(branch.condition(), insideAggregate);
            if (!(condition.type() instanceof DataType.BooleanType)
                    && !(condition.type() instanceof DataType.NullType)) {
                throw new FloeException(ErrorCode.TYPE_MISMATCH, "when() condition "
                        + ExprFormat.format(branch.condition()) + " has type " + condition.type()
                        + "; a condition must be Boolean");
            }
            conditions.add(Operands.coerce(condition, DataType.BOOLEAN, text));
            values.add(Operands.Operand.of(branch.value(), resolve(branch.value(), insideAggregate)));
        }
        values.add(Operands.Operand.of(when.otherwise(), resolve(when.otherwise(), insideAggregate)));
        DataType common = Operands.commonType(values);
        if (common == null) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "the then/otherwise values of " + text
                    + " have types " + values.stream().map(v -> v.expr().type().toString()).toList()
                    + " with no common type");
        }
        List<LogicalExpr.WhenThen> branches = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            branches.add(new LogicalExpr.WhenThen(conditions.get(i),
                    Operands.coerce(values.get(i).expr(), common, text)));
        }
        return new LogicalExpr.Case(branches, Operands.coerce(values.getLast().expr(), common, text), common);
    }
}
