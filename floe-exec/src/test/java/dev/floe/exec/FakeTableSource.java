package dev.floe.exec;

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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A table held in memory as "files" (one list of batches per file), served through the scan contract: one task
 * per file, the requested columns in the requested order. Records the requests it saw; can fail on a file.
 */
final class FakeTableSource implements TableSource {
    final List<ScanRequest> requests = new CopyOnWriteArrayList<>();
    private final ScanSource source;
    private final Schema schema;
    private final List<List<Batch>> files;
    private final int failingFile;

    FakeTableSource(ScanSource source, Schema schema, List<List<Batch>> files, int failingFile) {
        this.source = source;
        this.schema = schema;
        this.files = files;
        this.failingFile = failingFile;
    }

    @Override
    public ScanSource source() {
        return source;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<ScanTask> plan(ScanRequest request) {
        requests.add(request);
        List<ScanTask> tasks = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            tasks.add(new ScanTask("file-" + f, f, 1, -1, -1, null));
        }
        return tasks;
    }

    @Override
    public BatchReader open(ScanTask task, ScanRequest request) {
        int file = (int) task.start();
        if (file == failingFile) {
            throw new IllegalStateException("disk on fire while reading " + task.path());
        }
        Iterator<Batch> batches = files.get(file).iterator();
        Schema wanted = request.columns() == null ? schema : schema.select(request.columns());
        return new BatchReader() {
            @Override
            public Batch next() {
                if (!batches.hasNext()) {
                    return null;
                }
                Batch batch = batches.next();
                List<Vector> columns = new ArrayList<>();
                for (String name : wanted.names()) {
                    columns.add(batch.column(name));
                }
                return new Batch(wanted, columns, batch.rowCount());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public SourceStatistics statistics() {
        return new SourceStatistics(files.size(), -1, -1, -1);
    }
}
