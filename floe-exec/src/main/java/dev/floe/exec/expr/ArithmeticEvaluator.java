package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.Vector;
import dev.floe.plan.function.BinaryOperator;

/**
 * {@code + - * / // % pow} over whole vectors: integer results computed in 64 bits and wrapped to the result
 * width (as Polars' fixed-width arithmetic), float results in doubles. Integer {@code //} and {@code %} by zero
 * give null. A literal right operand is used as a scalar.
 */
record ArithmeticEvaluator(BinaryOperator operator, Evaluator left, Evaluator right, DataType type)
        implements Evaluator {

    @Override
    public Vector evaluate(Batch batch) {
        int n = batch.rowCount();
        Vector leftVector = left.evaluate(batch);
        Constant rightConstant = right.constant();
        boolean floating = type.isFloat();
        if (rightConstant.known()) {
            if (rightConstant.value() == null) {
                return dev.floe.core.vector.Vectors.nulls(type, n);
            }
            long[] validity = copy(leftVector.validity(), n);
            if (floating) {
                double[] out = new double[n];
                FloatKernels.scalar(operator, Numbers.doubles(leftVector), Numbers.doubleValue(rightConstant.value()),
                        out, n);
                return Numbers.fromDoubles(type, out, validity, n);
            }
            long[] out = new long[n];
            long[] nulls = IntegerKernels.scalar(operator, Numbers.longs(leftVector),
                    Numbers.longValue(rightConstant.value()), out, n, validity);
            return Numbers.fromLongs(type, out, Bitmap.normalize(nulls, n), n);
        }
        Vector rightVector = right.evaluate(batch);
        long[] validity = copy(Bitmap.and(leftVector.validity(), rightVector.validity(), n), n);
        if (floating) {
            double[] out = new double[n];
            FloatKernels.vector(operator, Numbers.doubles(leftVector), Numbers.doubles(rightVector), out, n);
            return Numbers.fromDoubles(type, out, validity, n);
        }
        long[] out = new long[n];
        long[] nulls = IntegerKernels.vector(operator, Numbers.longs(leftVector), Numbers.longs(rightVector), out, n,
                validity);
        return Numbers.fromLongs(type, out, Bitmap.normalize(nulls, n), n);
    }

    private static long[] copy(long[] validity, int n) {
        return validity == null ? null : java.util.Arrays.copyOf(validity, Bitmap.wordCount(n));
    }
}
