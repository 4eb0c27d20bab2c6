package dev.floe.exec.aggregate;

import java.util.Arrays;

/** Growth of per-group state arrays (doubling, so updates stay amortized O(1) per new group). */
final class Capacity {
    private Capacity() {
    }

    static int grown(int current, int needed) {
        return Math.max(needed, Math.max(16, current * 2));
    }

    static long[] ensure(long[] array, int needed) {
        return array.length >= needed ? array : Arrays.copyOf(array, grown(array.length, needed));
    }

    static double[] ensure(double[] array, int needed) {
        return array.length >= needed ? array : Arrays.copyOf(array, grown(array.length, needed));
    }

    static boolean[] ensure(boolean[] array, int needed) {
        return array.length >= needed ? array : Arrays.copyOf(array, grown(array.length, needed));
    }

    static int[] ensure(int[] array, int needed) {
        return array.length >= needed ? array : Arrays.copyOf(array, grown(array.length, needed));
    }

    static <T> T[] ensure(T[] array, int needed) {
        return array.length >= needed ? array : Arrays.copyOf(array, grown(array.length, needed));
    }
}
