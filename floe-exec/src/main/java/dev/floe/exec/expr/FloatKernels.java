package dev.floe.exec.expr;

import dev.floe.core.FloeException;
import dev.floe.plan.function.BinaryOperator;

/** Arithmetic loops over doubles, one loop per operator. */
final class FloatKernels {
    private FloatKernels() {
    }

    static void vector(BinaryOperator operator, double[] a, double[] b, double[] out, int n) {
        switch (operator) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }
            case SUBTRACT -> { for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; }
            case MULTIPLY -> { for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; }
            case TRUE_DIVIDE -> { for (int i = 0; i < n; i++) out[i] = a[i] / b[i]; }
            case FLOOR_DIVIDE -> { for (int i = 0; i < n; i++) out[i] = Math.floor(a[i] / b[i]); }
            case MODULO -> { for (int i = 0; i < n; i++) out[i] = floorMod(a[i], b[i]); }
            case POWER -> { for (int i = 0; i < n; i++) out[i] = Math.pow(a[i], b[i]); }
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, AND, OR, XOR ->
                    throw FloeException.internal("not an arithmetic operator: " + operator);
        }
    }

    static void scalar(BinaryOperator operator, double[] a, double b, double[] out, int n) {
        switch (operator) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[i] + b; }
            case SUBTRACT -> { for (int i = 0; i < n; i++) out[i] = a[i] - b; }
            case MULTIPLY -> { for (int i = 0; i < n; i++) out[i] = a[i] * b; }
            case TRUE_DIVIDE -> { for (int i = 0; i < n; i++) out[i] = a[i] / b; }
            case FLOOR_DIVIDE -> { for (int i = 0; i < n; i++) out[i] = Math.floor(a[i] / b); }
            case MODULO -> { for (int i = 0; i < n; i++) out[i] = floorMod(a[i], b); }
            case POWER -> { for (int i = 0; i < n; i++) out[i] = Math.pow(a[i], b); }
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, AND, OR, XOR ->
                    throw FloeException.internal("not an arithmetic operator: " + operator);
        }
    }

    /** Python's float modulo: the result has the sign of the divisor. */
    static double floorMod(double a, double b) {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }
}
