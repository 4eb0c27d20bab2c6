package dev.floe.bench;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.plan.logical.InMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic in-memory tables for the benchmarks: Int64 columns cut into batches of 1M rows. */
final class BenchData {
    private static final int BATCH_ROWS = 1 << 20;

    private BenchData() {
    }

    /** {@code rows} rows of a key in {@code [0, keys)} and a value in {@code [0, 1000)}. */
    static InMemory keysAndValues(int rows, int keys, long seed) {
        Schema schema = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));
        SplittableRandom random = new SplittableRandom(seed);
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < rows; start += BATCH_ROWS) {
            int n = Math.min(BATCH_ROWS, rows - start);
            long[] k = new long[n];
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                k[i] = random.nextInt(keys);
                v[i] = random.nextInt(1000);
            }
            batches.add(new Batch(schema, List.of(LongVector.of(DataType.INT64, k), LongVector.of(DataType.INT64, v))));
        }
        return new InMemory(schema, batches);
    }

    /** The keys {@code 0 .. rows-1} once each (a join's build side), with a payload column. */
    static InMemory uniqueKeys(int rows, String keyName, String payloadName) {
        Schema schema = Schema.of(Field.of(keyName, DataType.INT64), Field.of(payloadName, DataType.INT64));
        long[] k = new long[rows];
        long[] p = new long[rows];
        for (int i = 0; i < rows; i++) {
            k[i] = i;
            p[i] = i * 7L;
        }
        return new InMemory(schema, List.of(new Batch(schema,
                List.of(LongVector.of(DataType.INT64, k), LongVector.of(DataType.INT64, p)))));
    }

    /** The same table with each key multiplied by a large odd constant: as many groups, spread over all longs. */
    static InMemory scatterKeys(InMemory data) {
        List<Batch> batches = new ArrayList<>();
        for (Batch batch : data.batches()) {
            long[] keys = ((LongVector) batch.column(0)).values();
            long[] scattered = new long[batch.rowCount()];
            for (int i = 0; i < scattered.length; i++) {
                scattered[i] = keys[i] * 0x9E3779B97F4A7C15L;
            }
            batches.add(new Batch(data.schema(), List.of(LongVector.of(DataType.INT64, scattered), batch.column(1))));
        }
        return new InMemory(data.schema(), batches);
    }
}
