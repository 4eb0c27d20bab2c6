package dev.floe.plan.resolve;

import dev.floe.core.types.DataType;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;

/**
 * Finds the common type of operands (binary operators, fill_null, is_between, when/then branches, join keys) and
 * converts them to it. A literal written without a type adapts to the typed operands as in Polars: a Java integer
 * takes an integer operand's type when it fits ({@code col("a_i32") + 1} stays Int32), a float operand's type, or a
 * decimal's; a Java double takes a float operand's type (Float64 next to integers); {@code null} takes any type;
 * a string next to a Date/Datetime operand is parsed as one (ISO format). Typed operands meet at their
 * {@link TypeCoercion#supertype}.
 */
final class Operands {
    private Operands() {
    }

    /** One operand: its resolved form and, when it is an untyped literal, the value as written. */
    record Operand(LogicalExpr expr, boolean dynamic, Object value) {
        static Operand of(Expr written, LogicalExpr resolved) {
            Expr unaliased = written;
            if (unaliased instanceof Expr.Literal literal && literal.type() == null) {
                return new Operand(resolved, true, literal.value());
            }
            return new Operand(resolved, false, null);
        }
    }

    /** The common type, or {@code null} when the operands have none. */
    static DataType commonType(List<Operand> operands) {
        DataType fixed = null;
        for (Operand operand : operands) {
            if (!operand.dynamic()) {
                fixed = fixed == null ? operand.expr().type() : TypeCoercion.supertype(fixed, operand.expr().type());
                if (fixed == null) {
                    return null;
                }
            }
        }
        if (fixed == null) {
            DataType result = null;
            for (Operand operand : operands) {
                DataType own = LiteralValues.defaultType(operand.value());
                result = result == null ? own : TypeCoercion.supertype(result, own);
                if (result == null) {
                    return null;
                }
            }
            return result;
        }
        DataType result = fixed;
        for (Operand operand : operands) {
            if (operand.dynamic()) {
                result = TypeCoercion.supertype(result, adapt(operand.value(), fixed));
                if (result == null) {
                    return null;
                }
            }
        }
        return result;
    }

    /** The type an untyped literal takes next to an operand of type {@code other}. */
    static DataType adapt(Object value, DataType other) {
        if (value == null) {
            return other;
        }
        if (LiteralValues.isDynamicInteger(value)) {
            long number = ((Number) value).longValue();
            if (other.isInteger()) {
                return TypeCoercion.fits(number, other) ? other : DataType.INT64;
            }
            if (other.isFloat() || other instanceof DataType.DecimalType) {
                return other;
            }
        }
        if (LiteralValues.isDynamicFloat(value)) {
            return other.isFloat() ? other : DataType.FLOAT64;
        }
        if (value instanceof String && (other instanceof DataType.DateType || other instanceof DataType.DatetimeType)) {
            return other;
        }
        return LiteralValues.defaultType(value);
    }

    /** The expression converted to {@code type}: literals are converted in place, others wrapped in a Cast. */
    static LogicalExpr coerce(LogicalExpr expr, DataType type, String context) {
        if (expr.type().equals(type)) {
            return expr;
        }
        if (expr instanceof LogicalExpr.Literal literal) {
            return new LogicalExpr.Literal(LiteralValues.convert(literal.value(), type, context), type);
        }
        return new LogicalExpr.Cast(expr, type, false);
    }
}
