package dev.floe.cluster.plan;

import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Shuffle inputs inside a fragment: a {@link Scan} of Arrow IPC over a placeholder path that names the stage
 * it reads. Before a task runs, the placeholder is replaced by the shuffle data of the task's partition, so a
 * worker runs the fragment with the unchanged local executor and the sealed plan tree stays as it is.
 */
public final class ShuffleInputs {
    /** The scan option that marks a shuffle input and names the stage it reads. */
    public static final String STAGE_OPTION = "floe.shuffle.stage";
    /** The scan option that marks a shuffle input every task of the reading stage reads whole (a broadcast). */
    public static final String BROADCAST_OPTION = "floe.shuffle.broadcast";

    private ShuffleInputs() {
    }

    public static Scan placeholder(int stageId, Schema schema) {
        ScanSource source = new ScanSource(FileFormat.IPC, List.of("shuffle://stage-" + stageId),
                Map.of(STAGE_OPTION, Integer.toString(stageId)));
        return Scan.of(source, schema);
    }

    /**
     * The placeholder of a broadcast input: every task of the reading stage reads the same rows (all of the
     * stage's output), so a worker may read it and build on it once for all of them.
     */
    public static Scan broadcastPlaceholder(int stageId, Schema schema) {
        ScanSource source = new ScanSource(FileFormat.IPC, List.of("shuffle://stage-" + stageId),
                Map.of(STAGE_OPTION, Integer.toString(stageId), BROADCAST_OPTION, "true"));
        return Scan.of(source, schema);
    }

    /** Whether {@code plan} is the placeholder of a broadcast input. */
    public static boolean isBroadcast(LogicalPlan plan) {
        return stageOf(plan).isPresent() && ((Scan) plan).source().options().containsKey(BROADCAST_OPTION);
    }

    /** The stage a shuffle input reads, or empty when {@code plan} is not a shuffle input. */
    public static OptionalInt stageOf(LogicalPlan plan) {
        if (plan instanceof Scan scan && scan.source().options().containsKey(STAGE_OPTION)) {
            return OptionalInt.of(Integer.parseInt(scan.source().options().get(STAGE_OPTION)));
        }
        return OptionalInt.empty();
    }
}
