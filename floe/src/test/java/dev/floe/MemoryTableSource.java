package dev.floe;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableSource;
import java.util.ArrayList;
import java.util.List;

/** A hand-written table source over one in-memory frame, standing in for a file reader in tests. */
final class MemoryTableSource implements TableSource {
    private final ScanSource source;
    private final DataFrame frame;

    MemoryTableSource(ScanSource source, DataFrame frame) {
        this.source = source;
        this.frame = frame;
    }

    @Override
    public ScanSource source() {
        return source;
    }

    @Override
    public Schema schema() {
        return frame.schema();
    }

    @Override
    public List<ScanTask> plan(ScanRequest request) {
        return List.of(new ScanTask(source.paths().getFirst(), 0, 1, frame.height(), -1, null));
    }

    @Override
    public BatchReader open(ScanTask task, ScanRequest request) {
        Schema wanted = request.columns() == null ? frame.schema() : frame.schema().select(request.columns());
        return new BatchReader() {
            private boolean done;

            @Override
            public Batch next() {
                if (done) {
                    return null;
                }
                done = true;
                List<Vector> columns = new ArrayList<>();
                for (String name : wanted.names()) {
                    columns.add(frame.toBatch().column(name));
                }
                return new Batch(wanted, columns, frame.height());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public SourceStatistics statistics() {
        return new SourceStatistics(1, -1, frame.height(), -1);
    }
}
