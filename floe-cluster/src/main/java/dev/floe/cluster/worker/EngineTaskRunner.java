package dev.floe.cluster.worker;

import dev.floe.cluster.plan.FragmentBinder;
import dev.floe.cluster.plan.ScanTaskSelection;
import dev.floe.cluster.plan.ShuffleInputs;
import dev.floe.io.TableOpener;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;

/**
 * The engine's task runner: decodes the task's plan fragment, points its shuffle inputs at the fetched Arrow IPC
 * files and runs it with the unchanged local executor on this worker's threads.
 */
public final class EngineTaskRunner implements TaskRunner {
    /** Files, with a partition's scan clipped to the row groups the coordinator gave it. */
    private static final TableOpener TABLES = ScanTaskSelection.opener(TableOpener.FILES);

    private final ExecutionOptions options;

    public EngineTaskRunner(int threads) {
        this.options = ExecutionOptions.defaults().withThreads(threads);
    }

    @Override
    public Output run(Context context) {
        LogicalPlan fragment = PlanCodec.decode(context.payload());
        LogicalPlan bound = FragmentBinder.bindInputs(fragment, context.inputs());
        QueryOutput output = new LocalExecutor(options, TABLES).execute(bound);
        return new Output(output.schema(), output.batches(), sourceRows(fragment));
    }

    /** Rows of the fragment's source leaf: in-memory batches, or file metadata when the format records it. */
    private static long sourceRows(LogicalPlan plan) {
        if (plan instanceof InMemory memory) {
            return memory.rowCount();
        }
        if (plan instanceof Scan scan) {
            if (ShuffleInputs.stageOf(scan).isPresent()) {
                return 0;
            }
            long rows = TABLES.open(scan.source()).statistics().rows();
            return Math.max(0, rows);
        }
        long total = 0;
        for (LogicalPlan input : plan.inputs()) {
            total += sourceRows(input);
        }
        return total;
    }
}
