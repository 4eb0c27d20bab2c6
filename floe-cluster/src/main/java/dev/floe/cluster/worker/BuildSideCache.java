package dev.floe.cluster.worker;

import dev.floe.cluster.TimingTrace;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.exec.join.BuildSides;
import dev.floe.exec.join.BuiltSide;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The join build sides a worker shares between the tasks of one stage: a side every task of the stage reads
 * whole (a broadcast input, a small file read by every task) is materialized and hashed by the first task that
 * needs it while the others wait for it, instead of once per task. Entries are keyed by query, stage, the side's
 * plan (with its broadcast inputs named by stage, not by the files each task fetched) and its keys; they go when
 * the query ends on this worker, or, oldest first, when the sides kept would exceed the byte budget. A failed
 * build is dropped, so a retried task builds again.
 */
public final class BuildSideCache {
    /** The default budget: this fraction of the maximum heap. */
    static final double HEAP_FRACTION = 0.125;

    /** What identifies one shared build side on this worker. */
    record Key(long query, int stage, LogicalPlan side, List<LogicalExpr> keys) {
        Key {
            keys = List.copyOf(keys);
        }
    }

    /** One side: built, being built (incomplete future), or failed; its bytes once built. */
    private static final class Entry {
        final CompletableFuture<BuiltSide> future = new CompletableFuture<>();
        long bytes;
    }

    private final long budgetBytes;
    /** In insertion order, so the oldest sides go first when over budget; guarded by {@code this}. */
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private long keptBytes;

    /** A cache keeping at most {@code budgetBytes} of built sides (a side larger than that is not kept). */
    public BuildSideCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw FloeException.internal("negative build side budget " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /** A cache with the default budget, {@link #HEAP_FRACTION} of this JVM's maximum heap. */
    public static BuildSideCache forHeap() {
        return new BuildSideCache((long) (Runtime.getRuntime().maxMemory() * HEAP_FRACTION));
    }

    /**
     * The build sides of one task of stage {@code stage}: a side that {@code sharedKey} maps to a key plan (the
     * same for every task of the stage exactly when they read the same rows) is shared; any other is built by the
     * task alone.
     */
    public BuildSides forTask(long query, int stage, Function<LogicalPlan, Optional<LogicalPlan>> sharedKey) {
        return (side, keys, build) -> {
            Optional<LogicalPlan> key = sharedKey.apply(side);
            return key.isEmpty() ? build.get() : obtain(new Key(query, stage, key.get(), keys), build);
        };
    }

    /** The side of {@code key}: built here by {@code build}, or awaited from the task building it. */
    BuiltSide obtain(Key key, Supplier<BuiltSide> build) {
        while (true) {
            Entry entry;
            boolean builder;
            synchronized (this) {
                entry = entries.get(key);
                builder = entry == null;
                if (builder) {
                    entry = new Entry();
                    entries.put(key, entry);
                }
            }
            if (builder) {
                return build(key, entry, build);
            }
            Optional<BuiltSide> built = await(entry);
            if (built.isPresent()) {
                if (TimingTrace.enabled()) {
                    TimingTrace.log("build side q" + key.query() + " s" + key.stage() + " reused "
                            + built.get().rows().rowCount() + " rows");
                }
                return built.get();
            }
            // The builder was canceled (its task was stopped, not the build wrong): build it in this task.
        }
    }

    private BuiltSide build(Key key, Entry entry, Supplier<BuiltSide> build) {
        BuiltSide side;
        try {
            side = build.get();
        } catch (RuntimeException | Error error) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            entry.future.completeExceptionally(error);
            throw error;
        }
        entry.future.complete(side);
        keep(key, entry, side.estimatedBytes());
        if (TimingTrace.enabled()) {
            TimingTrace.log("build side q" + key.query() + " s" + key.stage() + " built "
                    + side.rows().rowCount() + " rows, " + side.estimatedBytes() + " bytes");
        }
        return side;
    }

    /** Counts a built side's bytes, dropping the oldest built sides (this one last) while over budget. */
    private synchronized void keep(Key key, Entry entry, long bytes) {
        if (entries.get(key) != entry) {
            return;
        }
        entry.bytes = bytes;
        keptBytes += bytes;
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (keptBytes > budgetBytes && oldest.hasNext()) {
            Map.Entry<Key, Entry> next = oldest.next();
            if (next.getValue() != entry && next.getValue().future.isDone()) {
                keptBytes -= next.getValue().bytes;
                oldest.remove();
            }
        }
        if (keptBytes > budgetBytes) {
            keptBytes -= bytes;
            entries.remove(key);
        }
    }

    /** The side another task built, empty when its builder was canceled; its build error otherwise. */
    private static Optional<BuiltSide> await(Entry entry) {
        try {
            return Optional.of(entry.future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while waiting for a shared join build side", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FloeException floe && floe.code() == ErrorCode.CANCELED) {
                return Optional.empty();
            }
            if (cause instanceof FloeException floe) {
                throw new FloeException(floe.code(), floe.getMessage(), floe);
            }
            throw new FloeException(ErrorCode.INTERNAL, "the shared join build side failed: " + cause, cause);
        }
    }

    /** Forgets every side of {@code query} (it ended on this worker); tasks still probing them keep their copy. */
    public synchronized void dropQuery(long query) {
        List<Key> gone = new ArrayList<>();
        for (Map.Entry<Key, Entry> entry : entries.entrySet()) {
            if (entry.getKey().query() == query) {
                gone.add(entry.getKey());
                keptBytes -= entry.getValue().bytes;
            }
        }
        gone.forEach(entries::remove);
    }

    /** Bytes of the built sides kept now. */
    synchronized long keptBytes() {
        return keptBytes;
    }

    /** How many sides are kept or being built now. */
    synchronized int size() {
        return entries.size();
    }
}
