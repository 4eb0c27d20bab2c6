package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Vector;

/** Kernels of abs, sqrt and round (half away from zero). */
final class NumericFunctions {
    private NumericFunctions() {
    }

    static Vector abs(Vector input) {
        int n = input.length();
        if (input instanceof DoubleVector v) {
            double[] values = v.values();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = Math.abs(values[i]);
            }
            return new DoubleVector(v.type(), out, v.validity(), n);
        }
        if (input.type().isUnsignedInteger()) {
            return input;
        }
        long[] values = Numbers.longs(input);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.abs(values[i]);
        }
        return Numbers.fromLongs(input.type(), out, input.validity(), n);
    }

    static Vector sqrt(Vector input, DataType type) {
        int n = input.length();
        double[] values = Numbers.doubles(input);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(values[i]);
        }
        return Numbers.fromDoubles(type, out, input.validity(), n);
    }

    static Vector round(Vector input, int decimals) {
        if (!(input instanceof DoubleVector v)) {
            return input;
        }
        int n = input.length();
        double[] values = v.values();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double value = values[i];
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                out[i] = value;
            } else if (decimals == 0) {
                out[i] = Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
            } else {
                out[i] = new java.math.BigDecimal(Double.toString(value))
                        .setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
            }
        }
        return Numbers.fromDoubles(v.type(), out, v.validity(), n);
    }
}
