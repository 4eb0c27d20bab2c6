package dev.floe.exec.expr;

import dev.floe.core.FloeException;
import dev.floe.core.vector.Bitmap;
import dev.floe.plan.function.BinaryOperator;

/**
 * Arithmetic loops over longs; overflow wraps. Returns the validity after the operation: {@code //} and {@code %}
 * by zero clear the row's bit (allocating a bitmap if the input had none).
 */
final class IntegerKernels {
    private IntegerKernels() {
    }

    static long[] vector(BinaryOperator operator, long[] a, long[] b, long[] out, int n, long[] validity) {
        switch (operator) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }
            case SUBTRACT -> { for (int i = 0; i < n; i++) out[i] = a[i] - b[i]; }
            case MULTIPLY -> { for (int i = 0; i < n; i++) out[i] = a[i] * b[i]; }
            case FLOOR_DIVIDE, MODULO -> {
                boolean divide = operator == BinaryOperator.FLOOR_DIVIDE;
                for (int i = 0; i < n; i++) {
                    long d = b[i];
                    if (d == 0) {
                        validity = clear(validity, i, n);
                        out[i] = 0;
                    } else {
                        out[i] = divide ? Math.floorDiv(a[i], d) : Math.floorMod(a[i], d);
                    }
                }
            }
            case POWER -> { for (int i = 0; i < n; i++) out[i] = power(a[i], b[i]); }
            case AND -> { for (int i = 0; i < n; i++) out[i] = a[i] & b[i]; }
            case OR -> { for (int i = 0; i < n; i++) out[i] = a[i] | b[i]; }
            case XOR -> { for (int i = 0; i < n; i++) out[i] = a[i] ^ b[i]; }
            case TRUE_DIVIDE, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL ->
                    throw FloeException.internal("not an integer arithmetic operator: " + operator);
        }
        return validity;
    }

    static long[] scalar(BinaryOperator operator, long[] a, long b, long[] out, int n, long[] validity) {
        switch (operator) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[i] + b; }
            case SUBTRACT -> { for (int i = 0; i < n; i++) out[i] = a[i] - b; }
            case MULTIPLY -> { for (int i = 0; i < n; i++) out[i] = a[i] * b; }
            case FLOOR_DIVIDE -> {
                if (b == 0) {
                    return Bitmap.allocate(n);
                }
                for (int i = 0; i < n; i++) out[i] = Math.floorDiv(a[i], b);
            }
            case MODULO -> {
                if (b == 0) {
                    return Bitmap.allocate(n);
                }
                for (int i = 0; i < n; i++) out[i] = Math.floorMod(a[i], b);
            }
            case POWER -> { for (int i = 0; i < n; i++) out[i] = power(a[i], b); }
            case AND -> { for (int i = 0; i < n; i++) out[i] = a[i] & b; }
            case OR -> { for (int i = 0; i < n; i++) out[i] = a[i] | b; }
            case XOR -> { for (int i = 0; i < n; i++) out[i] = a[i] ^ b; }
            case TRUE_DIVIDE, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL ->
                    throw FloeException.internal("not an integer arithmetic operator: " + operator);
        }
        return validity;
    }

    private static long[] clear(long[] validity, int row, int n) {
        long[] out = validity == null ? Bitmap.allSet(n) : validity;
        Bitmap.clear(out, row);
        return out;
    }

    /** Integer power by squaring, wrapping on overflow; a negative exponent gives 0 (or ±1 for bases ±1). */
    static long power(long base, long exponent) {
        if (exponent < 0) {
            if (base == 1) {
                return 1;
            }
            return base == -1 ? ((exponent & 1) == 0 ? 1 : -1) : 0;
        }
        long result = 1;
        long factor = base;
        long e = exponent;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= factor;
            }
            factor *= factor;
            e >>= 1;
        }
        return result;
    }
}
