package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.plan.function.BinaryOperator;
import java.util.Arrays;

/**
 * {@code == != < <= > >=} of two operands of one type: numbers, strings (byte-wise, the order of code points),
 * dates and booleans. A null operand gives a null result. A literal right operand (number, date or string) is compared as a scalar.
 */
record ComparisonEvaluator(BinaryOperator operator, Evaluator left, Evaluator right, DataType operandType)
        implements Evaluator {

    @Override
    public Vector evaluate(Batch batch) {
        int n = batch.rowCount();
        Vector a = left.evaluate(batch);
        Constant constant = right.constant();
        if (constant.known() && constant.value() == null) {
            return Vectors.nulls(DataType.BOOLEAN, n);
        }
        boolean[] out = new boolean[n];
        if (constant.known() && a instanceof BytesVector strings && constant.type().equals(operandType)) {
            byte[] scalar = constant.asBytes();
            byte[] data = strings.data();
            int[] offsets = strings.offsets();
            for (int i = 0; i < n; i++) {
                out[i] = CompareKernels.test(operator,
                        Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], scalar, 0, scalar.length));
            }
            return new BooleanVector(out, copy(strings.validity(), n), n);
        }
        if (constant.known() && !(a instanceof BytesVector) && !(a instanceof BooleanVector)
                && constant.type().equals(operandType)) {
            long[] validity = a.validity();
            switch (a) {
                case LongVector v when !(v.type() instanceof DataType.UInt64Type) ->
                        CompareKernels.longScalar(operator, v.values(), constant.asLong(), out, n);
                case IntVector v -> CompareKernels.intScalar(operator, v.values(), constant.asLong(), out, n);
                case DoubleVector v -> CompareKernels.doubleScalar(operator, v.values(),
                        constant.asDouble(), out, n);
                default -> {
                    return compareVectors(a, right.evaluate(batch), n);
                }
            }
            return new BooleanVector(out, copy(validity, n), n);
        }
        return compareVectors(a, right.evaluate(batch), n);
    }

    private Vector compareVectors(Vector a, Vector b, int n) {
        if (a instanceof NullVector || b instanceof NullVector) {
            return Vectors.nulls(DataType.BOOLEAN, n);
        }
        boolean[] out = new boolean[n];
        switch (a) {
            case LongVector v when v.type() instanceof DataType.UInt64Type ->
                    CompareKernels.unsignedVector(operator, v.values(), ((LongVector) b).values(), out, n);
            case LongVector v -> CompareKernels.longVector(operator, v.values(), Numbers.longs(b), out, n);
            case IntVector v -> CompareKernels.intVector(operator, v.values(), ((IntVector) b).values(), out, n);
            case DoubleVector v -> CompareKernels.doubleVector(operator, v.values(), Numbers.doubles(b), out, n);
            case BytesVector v -> {
                BytesVector w = (BytesVector) b;
                for (int i = 0; i < n; i++) {
                    out[i] = CompareKernels.test(operator, BytesVector.compare(v, i, w, i));
                }
            }
            case BooleanVector v -> {
                boolean[] x = v.values();
                boolean[] y = ((BooleanVector) b).values();
                for (int i = 0; i < n; i++) {
                    out[i] = CompareKernels.test(operator, Boolean.compare(x[i], y[i]));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    if (!a.isNull(i) && !b.isNull(i)) {
                        out[i] = CompareKernels.test(operator, ValueOrder.compareObjects(a.getObject(i), b.getObject(i)));
                    }
                }
            }
        }
        return new BooleanVector(out, copy(Bitmap.and(a.validity(), b.validity(), n), n), n);
    }

    private static long[] copy(long[] validity, int n) {
        return validity == null ? null : Arrays.copyOf(validity, Bitmap.wordCount(n));
    }
}
