package dev.floe.exec.expr;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compiles a resolved {@link LogicalExpr} once into a tree of vectorized {@link Evaluator}s bound to column
 * positions of an input schema. Aggregate and window nodes are not row-wise: the planner replaces them with
 * column references to their precomputed results before compiling.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    public static Evaluator compile(LogicalExpr expr, Schema input) {
        return switch (expr) {
            case LogicalExpr.Column column -> new ColumnEvaluator(input.require(column.name()));
            case LogicalExpr.Literal literal -> new LiteralEvaluator(literal.value(), literal.type());
            case LogicalExpr.Cast cast -> new CastEvaluator(compile(cast.input(), input), cast.type(), cast.strict());
            case LogicalExpr.Binary binary -> binary(binary, input);
            case LogicalExpr.Function function -> function(function, input);
            case LogicalExpr.Case caseExpr -> {
                List<Evaluator> conditions = new ArrayList<>();
                List<Evaluator> values = new ArrayList<>();
                for (LogicalExpr.WhenThen branch : caseExpr.branches()) {
                    conditions.add(compile(branch.condition(), input));
                    values.add(compile(branch.value(), input));
                }
                yield new CaseEvaluator(conditions, values, compile(caseExpr.otherwise(), input), caseExpr.type());
            }
            case LogicalExpr.Aggregate aggregate -> throw FloeException.internal("aggregate " + aggregate.function().name()
                    + " outside of an aggregation or window");
            case LogicalExpr.Window window -> throw FloeException.internal("window expression left unplanned");
        };
    }

    private static Evaluator binary(LogicalExpr.Binary binary, Schema input) {
        BinaryOperator operator = binary.operator();
        LogicalExpr leftExpr = binary.left();
        LogicalExpr rightExpr = binary.right();
        if (operator.isComparison() && leftExpr instanceof LogicalExpr.Literal && !(rightExpr instanceof LogicalExpr.Literal)) {
            operator = operator.flip();
            leftExpr = binary.right();
            rightExpr = binary.left();
        }
        Evaluator left = compile(leftExpr, input);
        Evaluator right = compile(rightExpr, input);
        if (operator.isComparison()) {
            return new ComparisonEvaluator(operator, left, right, leftExpr.type());
        }
        if (operator.isLogical() && (binary.type() instanceof DataType.BooleanType
                || binary.type() instanceof DataType.NullType)) {
            return new LogicEvaluator(operator, left, right);
        }
        boolean commutes = operator == BinaryOperator.ADD || operator == BinaryOperator.MULTIPLY;
        if (commutes && left.constant().known() && !right.constant().known()) {
            return new ArithmeticEvaluator(operator, right, left, binary.type());
        }
        return new ArithmeticEvaluator(operator, left, right, binary.type());
    }

    private static Evaluator function(LogicalExpr.Function expr, Schema input) {
        List<Evaluator> args = new ArrayList<>();
        for (LogicalExpr argument : expr.arguments()) {
            args.add(compile(argument, input));
        }
        Evaluator first = args.getFirst();
        DataType type = expr.type();
        return switch (expr.function()) {
            case ScalarFunction.IsNull f -> batch -> NullFunctions.isNull(first.evaluate(batch), true);
            case ScalarFunction.IsNotNull f -> batch -> NullFunctions.isNull(first.evaluate(batch), false);
            case ScalarFunction.FillNull f -> {
                Evaluator fill = args.get(1);
                yield batch -> {
                    Vector value = asType(first.evaluate(batch), type);
                    return value.validity() == null ? value : NullFunctions.fillNull(value, asType(fill.evaluate(batch), type));
                };
            }
            case ScalarFunction.Not f -> batch -> NullFunctions.not(first.evaluate(batch));
            case ScalarFunction.Negate f -> batch -> NullFunctions.negate(first.evaluate(batch));
            case ScalarFunction.IsIn f -> MembershipFunctions.isIn(first, expr.arguments().getFirst().type(), f.values());
            case ScalarFunction.IsBetween f -> MembershipFunctions.isBetween(first, args.get(1), args.get(2), f.closed(),
                    expr.arguments().getFirst().type());
            case ScalarFunction.Abs f -> batch -> NumericFunctions.abs(first.evaluate(batch));
            case ScalarFunction.Sqrt f -> batch -> NumericFunctions.sqrt(first.evaluate(batch), type);
            case ScalarFunction.Round f -> batch -> NumericFunctions.round(first.evaluate(batch), f.decimals());
            case ScalarFunction.StrContains f -> {
                if (f.literal()) {
                    yield batch -> StringFunctions.containsLiteral(strings(first, batch), f.pattern());
                }
                Pattern pattern = StringFunctions.compile(f.pattern());
                LiteralRegex literals = LiteralRegex.parse(f.pattern());
                if (literals != null) {
                    yield batch -> StringFunctions.containsLiterals(strings(first, batch), literals, pattern);
                }
                yield batch -> StringFunctions.containsRegex(strings(first, batch), pattern);
            }
            case ScalarFunction.StrStartsWith f -> batch -> StringFunctions.startsOrEndsWith(strings(first, batch),
                    f.prefix(), true);
            case ScalarFunction.StrEndsWith f -> batch -> StringFunctions.startsOrEndsWith(strings(first, batch),
                    f.suffix(), false);
            case ScalarFunction.StrSlice f -> batch -> StringFunctions.slice(strings(first, batch), f.offset(), f.length());
            case ScalarFunction.StrLenChars f -> batch -> StringFunctions.lengthInChars(strings(first, batch), type);
            case ScalarFunction.StrToUppercase f -> batch -> StringFunctions.upper(strings(first, batch));
            case ScalarFunction.StrToLowercase f -> batch -> StringFunctions.lower(strings(first, batch));
            case ScalarFunction.StrReplace f -> batch -> StringFunctions.replace(strings(first, batch), f.pattern(),
                    f.replacement(), f.literal(), f.all());
            case ScalarFunction.Year f -> datePart(first, f, type);
            case ScalarFunction.Month f -> datePart(first, f, type);
            case ScalarFunction.Day f -> datePart(first, f, type);
            case ScalarFunction.Weekday f -> datePart(first, f, type);
            case ScalarFunction.Quarter f -> datePart(first, f, type);
            case ScalarFunction.OrdinalDay f -> datePart(first, f, type);
        };
    }

    private static Evaluator datePart(Evaluator input, ScalarFunction function, DataType type) {
        TemporalFunctions.Part part = TemporalFunctions.part(function);
        return batch -> TemporalFunctions.extract(input.evaluate(batch), part, type);
    }

    private static BytesVector strings(Evaluator input, dev.floe.core.vector.Batch batch) {
        Vector vector = input.evaluate(batch);
        if (vector instanceof BytesVector bytes) {
            return bytes;
        }
        return (BytesVector) Casts.cast(vector, DataType.STRING, false);
    }

    private static Vector asType(Vector vector, DataType type) {
        return vector.type().equals(type) ? vector : Casts.cast(vector, type, false);
    }
}
