package dev.floe.cluster;

import java.util.HashMap;
import java.util.Map;

/** A small program for {@link WorkerAotCacheTest}'s real JVMs: some class loading and a loop, then it exits. */
public final class AotTrainingSample {
    private AotTrainingSample() {
    }

    public static void main(String[] args) {
        Map<Integer, Long> sums = new HashMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            sums.merge(i % 97, (long) i, Long::sum);
        }
        System.out.println("sample done " + sums.get(0));
    }
}
