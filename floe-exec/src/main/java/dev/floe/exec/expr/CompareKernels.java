package dev.floe.exec.expr;

import dev.floe.core.FloeException;
import dev.floe.plan.function.BinaryOperator;

/** Comparison loops over primitive arrays, one loop per operator. */
final class CompareKernels {
    private CompareKernels() {
    }

    static boolean test(BinaryOperator operator, int comparison) {
        return switch (operator) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_EQUAL -> comparison >= 0;
            default -> throw FloeException.internal("not a comparison: " + operator);
        };
    }

    static void longScalar(BinaryOperator operator, long[] a, long b, boolean[] out, int n) {
        switch (operator) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] == b; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] != b; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = a[i] < b; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = a[i] > b; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b; }
            default -> throw FloeException.internal("not a comparison: " + operator);
        }
    }

    static void intScalar(BinaryOperator operator, int[] a, long b, boolean[] out, int n) {
        switch (operator) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] == b; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] != b; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = a[i] < b; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = a[i] > b; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b; }
            default -> throw FloeException.internal("not a comparison: " + operator);
        }
    }

    static void doubleScalar(BinaryOperator operator, double[] a, double b, boolean[] out, int n) {
        switch (operator) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] == b; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] != b; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = a[i] < b; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = a[i] > b; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b; }
            default -> throw FloeException.internal("not a comparison: " + operator);
        }
    }

    static void longVector(BinaryOperator operator, long[] a, long[] b, boolean[] out, int n) {
        switch (operator) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] == b[i]; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] != b[i]; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = a[i] < b[i]; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b[i]; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = a[i] > b[i]; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b[i]; }
            default -> throw FloeException.internal("not a comparison: " + operator);
        }
    }

    static void unsignedVector(BinaryOperator operator, long[] a, long[] b, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = test(operator, Long.compareUnsigned(a[i], b[i]));
        }
    }

    static void intVector(BinaryOperator operator, int[] a, int[] b, boolean[] out, int n) {
        switch (operator) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] == b[i]; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] != b[i]; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = a[i] < b[i]; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b[i]; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = a[i] > b[i]; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b[i]; }
            default -> throw FloeException.internal("not a comparison: " + operator);
        }
    }

    static void doubleVector(BinaryOperator operator, double[] a, double[] b, boolean[] out, int n) {
        switch (operator) {
            case EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] == b[i]; }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] != b[i]; }
            case LESS -> { for (int i = 0; i < n; i++) out[i] = a[i] < b[i]; }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] <= b[i]; }
            case GREATER -> { for (int i = 0; i < n; i++) out[i] = a[i] > b[i]; }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) out[i] = a[i] >= b[i]; }
            default -> throw FloeException.internal("not a comparison: " + operator);
        }
    }
}
