package dev.floe.cluster;

import dev.floe.cluster.protocol.ClientMessages;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.Rpc;
import dev.floe.cluster.protocol.RpcClient;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.LogicalPlan;
import java.time.Duration;
import java.util.List;

/**
 * The client side of a cluster: submits queries to a coordinator ({@code host:port}) and returns
 * {@link QueryHandle}s. The API module's {@code remote(ctx)} uses this.
 */
public final class ClusterClient implements AutoCloseable {
    private final RpcClient rpc;

    public ClusterClient(String coordinatorAddress) {
        this.rpc = new RpcClient(coordinatorAddress, Duration.ofSeconds(30));
    }

    /** Submits a serialized logical plan; the coordinator plans it into stages. */
    public QueryHandle submit(byte[] serializedPlan, DistributedOptions options) {
        return submit(new ClientMessages.Submit(ClientMessages.PLAN, serializedPlan, List.of(), options));
    }

    /** Submits an unresolved DSL plan ({@code DslCodec}); the coordinator resolves, optimizes and plans it. */
    public QueryHandle submitDsl(byte[] serializedDsl, DistributedOptions options) {
        return submit(new ClientMessages.Submit(ClientMessages.DSL, serializedDsl, List.of(), options));
    }

    /**
     * Submits an unresolved DSL plan whose result files go to {@code result} (an {@code s3://} prefix, say);
     * {@code singleNode} runs every stage as one partition.
     */
    public QueryHandle submitDsl(byte[] serializedDsl, DistributedOptions options, boolean singleNode,
            ResultLocation result) {
        return submit(new ClientMessages.Submit(singleNode ? ClientMessages.DSL_SINGLE_NODE : ClientMessages.DSL,
                serializedDsl, List.of(), options, result));
    }

    /** Submits an unresolved DSL plan to run on a single node: one partition per stage. */
    public QueryHandle submitDslSingleNode(byte[] serializedDsl, DistributedOptions options) {
        return submit(new ClientMessages.Submit(ClientMessages.DSL_SINGLE_NODE, serializedDsl, List.of(), options));
    }

    /** Serializes {@code plan} and submits it; the coordinator plans it into stages. */
    public QueryHandle submit(LogicalPlan plan, DistributedOptions options) {
        return submit(PlanCodec.encode(plan), options);
    }

    /** Submits stages already planned by the caller. */
    public QueryHandle submitStages(List<JobStage> stages, DistributedOptions options) {
        return submit(new ClientMessages.Submit(ClientMessages.JOB, new byte[0], stages, options));
    }

    private QueryHandle submit(ClientMessages.Submit request) {
        TimingTrace.log("client sending submit");
        long id = rpc.call(Rpc.SUBMIT, request.write()).readLong();
        return new QueryHandle(rpc, id);
    }

    /** A handle on a query submitted earlier (by id). */
    public QueryHandle query(long queryId) {
        return new QueryHandle(rpc, queryId);
    }

    /** Addresses of the workers the coordinator considers alive. */
    public List<String> workers() {
        return rpc.call(Rpc.WORKERS, Rpc.request()).readStrings();
    }

    /** Sends raw bytes to an RPC method (for diagnosing and testing the protocol); returns the raw response. */
    public byte[] rawCall(String method, byte[] body) {
        return rpc.post(method, body);
    }

    @Override
    public void close() {
        rpc.close();
    }
}
