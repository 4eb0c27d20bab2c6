package dev.floe.cluster.testing;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.ShuffleInputFiles;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.worker.TaskRunner;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.io.ipc.IpcPartitions;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-written task runner for runtime tests, independent of the engine: stage 0 tasks generate rows
 * (k = row mod keys, v = row), stage 1 tasks sum v by k over their shuffled input. Tasks can be slowed down so a
 * test can kill a worker in the middle of a stage.
 */
public final class SumByKeyRunner implements TaskRunner {
    public static final Schema ROWS = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));
    private static final byte GENERATE = 1;
    private static final byte SUM = 2;

    /** A two-stage job: {@code maps} generating tasks of {@code rowsPerMap} rows, hash on k into {@code reducers}. */
    public static List<JobStage> job(int maps, int rowsPerMap, int keys, int reducers, int mapSleepMillis) {
        List<byte[]> payloads = new ArrayList<>();
        for (int m = 0; m < maps; m++) {
            payloads.add(ByteBuffer.allocate(21).put(GENERATE).putLong((long) m * rowsPerMap).putInt(rowsPerMap)
                    .putInt(keys).putInt(mapSleepMillis).array());
        }
        return List.of(
                new JobStage(0, maps, List.of(), new Exchange.Hash(List.of("k"), reducers),
                        SumByKeyRunner.class.getName(), payloads),
                new JobStage(1, reducers, List.of(0), new Exchange.Result(), SumByKeyRunner.class.getName(),
                        List.of(ByteBuffer.allocate(5).put(SUM).putInt(0).array())));
    }

    /** The answer the job must give: key to sum of v. */
    public static Map<Long, Long> expected(int maps, int rowsPerMap, int keys) {
        Map<Long, Long> sums = new TreeMap<>();
        for (long row = 0; row < (long) maps * rowsPerMap; row++) {
            sums.merge(row % keys, row, Long::sum);
        }
        return sums;
    }

    /** Key to sum, from result batches of schema (k, v). */
    public static Map<Long, Long> collect(List<Batch> batches) {
        Map<Long, Long> sums = new TreeMap<>();
        for (Batch batch : batches) {
            for (int i = 0; i < batch.rowCount(); i++) {
                Long previous = sums.put((Long) batch.column(0).getObject(i), (Long) batch.column(1).getObject(i));
                if (previous != null) {
                    throw new AssertionError("key " + batch.column(0).getObject(i) + " appears twice in the result");
                }
            }
        }
        return sums;
    }

    @Override
    public Output run(Context context) {
        ByteBuffer payload = ByteBuffer.wrap(context.payload());
        byte mode = payload.get();
        if (mode == GENERATE) {
            long start = payload.getLong();
            int rows = payload.getInt();
            int keys = payload.getInt();
            sleep(payload.getInt());
            List<Long> k = new ArrayList<>(rows);
            List<Long> v = new ArrayList<>(rows);
            for (long row = start; row < start + rows; row++) {
                k.add(row % keys);
                v.add(row);
            }
            return Output.of(ROWS, List.of(new Batch(ROWS, List.of(Vectors.fromObjects(DataType.INT64, k),
                    Vectors.fromObjects(DataType.INT64, v)))), rows);
        }
        sleep(payload.getInt());
        Map<Long, Long> sums = new TreeMap<>();
        ShuffleInputFiles input = context.inputs().get(0);
        TableSource source = TableSources.open(new ScanSource(FileFormat.IPC,
                input.files().stream().map(Path::toString).toList(),
                Map.of(IpcPartitions.OPTION, Integer.toString(input.partition()))));
        for (ScanTask task : source.plan(ScanRequest.all())) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    LongVector keys = (LongVector) batch.column(0);
                    LongVector values = (LongVector) batch.column(1);
                    for (int i = 0; i < batch.rowCount(); i++) {
                        sums.merge(keys.get(i), values.get(i), Long::sum);
                    }
                }
            }
        }
        return Output.of(ROWS, List.of(new Batch(ROWS, List.of(
                Vectors.fromObjects(DataType.INT64, new ArrayList<>(sums.keySet())),
                Vectors.fromObjects(DataType.INT64, new ArrayList<>(sums.values()))))), 0);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
