package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** is_in a constant list and is_between two bounds. */
final class MembershipFunctions {
    private MembershipFunctions() {
    }

    /** An is_in evaluator: the constants become a hash set of longs, doubles or strings once. */
    static Evaluator isIn(Evaluator input, DataType type, List<Object> constants) {
        List<Object> nonNull = new ArrayList<>();
        for (Object value : constants) {
            if (value != null && representable(type, value)) {
                nonNull.add(value);
            }
        }
        Vector values = Vectors.fromObjects(type, nonNull);
        if (type instanceof DataType.StringType || type instanceof DataType.BinaryType) {
            BytesSet set = new BytesSet((BytesVector) values);
            return batch -> {
                BytesVector v = (BytesVector) input.evaluate(batch);
                boolean[] out = new boolean[v.length()];
                byte[] data = v.data();
                int[] offsets = v.offsets();
                for (int i = 0; i < out.length; i++) {
                    out[i] = !v.isNull(i) && set.contains(data, offsets[i], offsets[i + 1]);
                }
                return new BooleanVector(out, v.validity(), out.length);
            };
        }
        if (type.isFloat()) {
            Set<Double> set = new HashSet<>();
            for (double d : Numbers.doubles(values)) {
                set.add(d);
            }
            return batch -> {
                Vector v = input.evaluate(batch);
                double[] numbers = Numbers.doubles(v);
                boolean[] out = new boolean[v.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = set.contains(numbers[i]);
                }
                return new BooleanVector(out, v.validity(), out.length);
            };
        }
        long[] sorted = Numbers.longs(values).clone();
        java.util.Arrays.sort(sorted, 0, values.length());
        int count = values.length();
        return batch -> {
            Vector v = input.evaluate(batch);
            long[] numbers = Numbers.longs(v);
            boolean[] out = new boolean[v.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = java.util.Arrays.binarySearch(sorted, 0, count, numbers[i]) >= 0;
            }
            return new BooleanVector(out, v.validity(), out.length);
        };
    }

    static Evaluator isBetween(Evaluator input, Evaluator lower, Evaluator upper, ClosedInterval closed,
            DataType operandType) {
        Evaluator low = new ComparisonEvaluator(closed.includesLower() ? BinaryOperator.GREATER_EQUAL
                : BinaryOperator.GREATER, input, lower, operandType);
        Evaluator high = new ComparisonEvaluator(closed.includesUpper() ? BinaryOperator.LESS_EQUAL
                : BinaryOperator.LESS, input, upper, operandType);
        return new LogicEvaluator(BinaryOperator.AND, low, high);
    }


    /** Whether the constant is a value of the column's type (one outside its range can never match). */
    private static boolean representable(DataType type, Object value) {
        try {
            Vectors.fromObjects(type, List.of(value));
            return true;
        } catch (dev.floe.core.FloeException outOfRange) {
            return false;
        }
    }
}
