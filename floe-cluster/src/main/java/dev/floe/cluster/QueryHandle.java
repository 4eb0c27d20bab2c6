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

    /** Waits for the query to end; returns its result or throws its error (FAILED) or CANCELED. */
    public QueryResult awaitResult(Duration timeout) {
        return awaitResult(timeout, info -> {
        });
    }

    /**
     * Waits for the query to end, handing every status polled on the way (and the last one) to {@code observer}
     * (the live progress lines); returns its result or throws its error (FAILED) or CANCELED.
     */
    public QueryResult awaitResult(Duration timeout, Consumer<QueryInfo> observer) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleep = 10;
        while (true) {
            QueryInfo info = info();
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
                }
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FloeException(ErrorCode.CANCELED, "interrupted while waiting for query " + id, e);
            }
            sleep = Math.min(200, sleep * 2);
        }
    }
}
