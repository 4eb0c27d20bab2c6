package dev.floe.cluster;

import dev.floe.cluster.protocol.ClientMessages;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.cluster.protocol.Rpc;
import dev.floe.cluster.protocol.RpcClient;
import dev.floe.cluster.protocol.WireInput;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A submitted query: its status, its result once done, cancellation and the profile of the work done. */
public final class QueryHandle {
    /** How long one wait is held by the coordinator (well under the RPC client's timeout). */
    private static final long AWAIT_SLICE_MILLIS = 2_000;
    /** How long one wait lasts when someone watches the progress: the live lines refresh this often. */
    private static final long PROGRESS_SLICE_MILLIS = 250;

    private final RpcClient rpc;
    private final long id;

    QueryHandle(RpcClient rpc, long id) {
        this.rpc = rpc;
        this.id = id;
    }

    public long id() {
        return id;
    }

    public QueryInfo info() {
        return QueryInfo.read(rpc.call(Rpc.STATUS, ClientMessages.queryRequest(id)));
    }

    public QueryStatus status() {
        return info().status();
    }

    public void cancel() {
        rpc.call(Rpc.CANCEL, ClientMessages.queryRequest(id));
    }

    public QueryProfile profile() {
        WireInput in = rpc.call(Rpc.PROFILE, ClientMessages.queryRequest(id));
        int count = in.readCount(20);
        List<ProfileEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(ProfileEntry.read(in));
        }
        return new QueryProfile(id, entries);
    }

    public QueryResult awaitResult() {
        return awaitResult(Duration.ofHours(24));
    }

    /**
     * Waits for the query to end; returns its result or throws its error (FAILED) or CANCELED. The coordinator
     * holds each wait until the query ends (a long poll), so the result comes as soon as it is there.
     */
    public QueryResult awaitResult(Duration timeout) {
        return await(timeout, info -> {
        }, AWAIT_SLICE_MILLIS);
    }

    /**
     * Waits for the query to end, handing every status polled on the way (and the last one) to {@code observer}
     * (the live progress lines); returns its result or throws its error (FAILED) or CANCELED.
     */
    public QueryResult awaitResult(Duration timeout, Consumer<QueryInfo> observer) {
        return await(timeout, observer, PROGRESS_SLICE_MILLIS);
    }

    private QueryResult await(Duration timeout, Consumer<QueryInfo> observer, long sliceMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            QueryInfo info = QueryInfo.read(rpc.call(Rpc.AWAIT, new ClientMessages.Await(id,
                    Math.min(sliceMillis, remaining)).write()));
            observer.accept(info);
            switch (info.status()) {
                case SUCCESS -> {
                    return new QueryResult(info);
                }
                case FAILED -> throw new FloeException(ErrorCode.CLUSTER_ERROR, "query " + id + " failed: "
                        + info.error());
                case CANCELED -> throw new FloeException(ErrorCode.CANCELED, "query " + id + " was canceled");
                case QUEUED, SCHEDULED, RUNNING -> {
                    if (System.nanoTime() > deadline) {
                        throw new FloeException(ErrorCode.CLUSTER_ERROR, "query " + id + " did not finish within "
                                + timeout + " (status " + info.status() + ", " + info.finishedStages() + " of "
                                + info.totalStages() + " stages done)");
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new FloeException(ErrorCode.CANCELED, "interrupted while waiting for query " + id);
                    }
                }
            }
        }
    }
}
