package dev.floe.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.pipeline.MorselSource;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.exec.sink.OrderedBatches;
import dev.floe.exec.sink.SinkWriter;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableOpener;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sink's writer gets the batches in order while the pipeline still runs, and a failed query leaves no file. */
class StreamingSinkTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", DataType.INT64));
    private static final int MORSELS = 12;

    @TempDir
    Path directory;

    /** Morsel m yields the values 10m .. 10m+2; every morsel after the first waits until the writer saw a batch. */
    private static final class WaitingSource implements MorselSource {
        final CountDownLatch writerSawABatch = new CountDownLatch(1);

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public int morselCount() {
            return MORSELS;
        }

        @Override
        public void read(int morsel, Consumer<Batch> consumer) {
            if (morsel > 0) {
                try {
                    if (!writerSawABatch.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the writer saw no batch before the pipeline ended");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            for (int i = 0; i < 3; i++) {
                consumer.accept(new Batch(SCHEMA, List.of(LongVector.of(DataType.INT64, 10L * morsel + i))));
            }
        }
    }

    /** Records the values it is given and opens the source's gate at its first batch. */
    private static final class RecordingWriter implements SinkWriter {
        final List<Long> values = new ArrayList<>();
        private final WaitingSource source;

        RecordingWriter(WaitingSource source) {
            this.source = source;
        }

        @Override
        public void write(Schema schema, Iterator<Batch> batches, String path, Map<String, String> options) {
            while (batches.hasNext()) {
                LongVector column = (LongVector) batches.next().column(0);
                for (int row = 0; row < column.length(); row++) {
                    values.add(column.get(row));
                }
                source.writerSawABatch.countDown();
            }
        }
    }

    private static List<Long> expected() {
        List<Long> values = new ArrayList<>();
        for (int morsel = 0; morsel < MORSELS; morsel++) {
            for (int i = 0; i < 3; i++) {
                values.add(10L * morsel + i);
            }
        }
        return values;
    }

    @Test
    @Timeout(60)
    void theWriterGetsOrderedBatchesBeforeThePipelineEnds() {
        for (int threads : new int[] {1, 4}) {
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
            try {
                WaitingSource source = new WaitingSource();
                RecordingWriter writer = new RecordingWriter(source);
                ExecutionContext context = new ExecutionContext(new ExecutionOptions(threads, 2), pool,
                        TableOpener.FILES);
                try (OrderedBatches batches = new OrderedBatches(context, Pipeline.of(source))) {
                    writer.write(SCHEMA, batches, "unused", Map.of());
                }
                assertThat(writer.values).as(threads + " threads").isEqualTo(expected());
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void aQueryFailingMidWayLeavesNoFile() {
        TableOpener tables = source -> new FakeTableSource(source, SCHEMA, List.of(
                List.of(new Batch(SCHEMA, List.of(LongVector.of(DataType.INT64, 1L, 2L)))), List.of(),
                List.of(new Batch(SCHEMA, List.of(LongVector.of(DataType.INT64, 3L))))), 2);
        Scan scan = Scan.of(new ScanSource(FileFormat.IPC, List.of("memory://table"), Map.of()), SCHEMA);
        for (FileFormat format : FileFormat.values()) {
            for (int threads : new int[] {1, 3}) {
                Path file = directory.resolve(threads + "out." + format.extension());
                assertThatThrownBy(() -> new LocalExecutor(new ExecutionOptions(threads, 2), tables)
                        .execute(new Sink(scan, format, file.toString(), Map.of())))
                        .isInstanceOf(FloeException.class).hasMessageContaining("disk on fire");
                assertThat(Files.exists(file)).as(format + " with " + threads + " threads").isFalse();
            }
        }
    }
}
