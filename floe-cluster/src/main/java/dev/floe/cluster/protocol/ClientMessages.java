package dev.floe.cluster.protocol;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.ShuffleCompression;
import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.List;

/** The client-to-coordinator messages: submitting a query (a serialized plan, or pre-planned stages) and asking about one. */
public final class ClientMessages {
    /** Submission kinds. */
    public static final int PLAN = 1;
    public static final int JOB = 2;
    /** An unresolved DSL plan (DslCodec): the coordinator resolves, optimizes and plans it. */
    public static final int DSL = 3;
    /** An unresolved DSL plan run on one node: every stage gets a single partition. */
    public static final int DSL_SINGLE_NODE = 4;

    static boolean carriesPlan(int kind) {
        return kind == PLAN || kind == DSL || kind == DSL_SINGLE_NODE;
    }

    private ClientMessages() {
    }

    /**
     * A query: a serialized logical plan or an unresolved DSL plan the coordinator plans, or stages planned by the
     * caller; the options; and where the result files go.
     */
    public record Submit(int kind, byte[] plan, List<JobStage> stages, DistributedOptions options,
            ResultLocation resultLocation) {
        public Submit {
            stages = List.copyOf(stages);
            java.util.Objects.requireNonNull(resultLocation, "resultLocation");
        }

        /** A submission whose results go to the coordinator's results directory. */
        public Submit(int kind, byte[] plan, List<JobStage> stages, DistributedOptions options) {
            this(kind, plan, stages, options, ResultLocation.DEFAULT);
        }

        public WireOutput write() {
            WireOutput out = Rpc.request().writeByte(kind);
            writeOptions(options, out);
            resultLocation.write(out);
            if (carriesPlan(kind)) {
                out.writeBytes(plan);
            } else {
                out.writeInt(stages.size());
                stages.forEach(stage -> stage.write(out));
            }
            return out;
        }

        public static Submit read(WireInput in) {
            int kind = in.readByte();
            if (kind != JOB && !carriesPlan(kind)) {
                throw in.malformed("unknown submission kind " + kind
                        + " (1 = plan, 2 = staged job, 3 = DSL plan, 4 = DSL plan on a single node)");
            }
            DistributedOptions options = readOptions(in);
            ResultLocation resultLocation = ResultLocation.read(in);
            if (carriesPlan(kind)) {
                byte[] plan = in.readBytes();
                in.expectEnd();
                return new Submit(kind, plan, List.of(), options, resultLocation);
            }
            int count = in.readCount(24);
            List<JobStage> stages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                stages.add(JobStage.read(in));
            }
            in.expectEnd();
            return new Submit(kind, new byte[0], stages, options, resultLocation);
        }
    }

    static void writeOptions(DistributedOptions options, WireOutput out) {
        out.writeLong(options.equiJoinBroadcastLimit()).writeBoolean(options.preAggregation())
                .writeInt(options.partitionsPerWorker()).writeByte(options.shuffleCompression().ordinal())
                .writeInt(options.nRetries()).writeBoolean(options.sortPartitioned());
    }

    static DistributedOptions readOptions(WireInput in) {
        long limit = in.readLong();
        boolean preAggregation = in.readBoolean();
        int partitions = in.readInt();
        int compression = in.readByte();
        if (compression >= ShuffleCompression.values().length) {
            throw in.malformed("unknown shuffle compression " + compression);
        }
        int retries = in.readInt();
        return new DistributedOptions(limit, preAggregation, partitions, ShuffleCompression.values()[compression],
                retries, in.readBoolean());
    }

    /** A request naming one query (status, cancel, profile). */
    /** A client waiting for its query to end: the coordinator answers with its state when it ends or after the wait. */
    public record Await(long queryId, long waitMillis) {
        public Await {
            if (waitMillis < 0) {
                throw FloeException.invalidArgument("an await's wait must be >= 0 ms, got " + waitMillis);
            }
        }

        public WireOutput write() {
            return Rpc.request().writeLong(queryId).writeLong(waitMillis);
        }

        public static Await read(WireInput in) {
            Await await = new Await(in.readLong(), in.readLong());
            in.expectEnd();
            return await;
        }
    }

    public static WireOutput queryRequest(long queryId) {
        return Rpc.request().writeLong(queryId);
    }

    public static long readQueryRequest(WireInput in) {
        long id = in.readLong();
        in.expectEnd();
        return id;
    }
}
