package dev.floe.cluster.coordinator;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.protocol.ClientMessages;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.protocol.Rpc;
import dev.floe.cluster.protocol.RpcServer;
import dev.floe.cluster.protocol.WireInput;
import dev.floe.cluster.protocol.WireOutput;
import dev.floe.cluster.protocol.WorkerMessages;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.ObjectStores;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The coordinator process's server: the RPC methods for workers (register, poll) and clients (submit, status,
 * cancel, profile, workers) over the {@link Scheduler}, plus a monitor that declares silent workers dead.
 */
public final class Coordinator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Coordinator.class.getName());
    /** The longest a long poll (a worker's poll for tasks, a client's wait for its query) is held. */
    private static final long MAX_WAIT_MILLIS = 5_000;

    /** How a coordinator is set up. */
    public record Config(String host, int port, Path resultRoot, long heartbeatTimeoutMillis, long pollIntervalMillis,
            long resultRetentionMillis) {
    }

    private final Config config;
    private final Scheduler scheduler;
    private final QueryPlanner planner;
    private final RpcServer server;
    private final ScheduledExecutorService monitor;

    public Coordinator(Config config, QueryPlanner planner) {
        this.config = config;
        this.planner = planner;
        this.scheduler = new Scheduler(config.heartbeatTimeoutMillis(), System::currentTimeMillis, config.resultRoot());
        // Workers and clients hold a thread each while they long-poll (see Scheduler.poll and awaitInfo).
        this.server = new RpcServer(config.host(), config.port(), 64, "coordinator");
        server.method(Rpc.REGISTER, this::register);
        server.method(Rpc.POLL, this::poll);
        server.method(Rpc.SUBMIT, this::submit);
        server.method(Rpc.STATUS, in -> {
            WireOutput out = Rpc.okResponse();
            scheduler.info(ClientMessages.readQueryRequest(in)).write(out);
            return out.toByteArray();
        });
        server.method(Rpc.AWAIT, in -> {
            ClientMessages.Await request = ClientMessages.Await.read(in);
            WireOutput out = Rpc.okResponse();
            scheduler.awaitInfo(request.queryId(), Math.min(MAX_WAIT_MILLIS, request.waitMillis())).write(out);
            return out.toByteArray();
        });
        server.method(Rpc.CANCEL, in -> {
            scheduler.cancel(ClientMessages.readQueryRequest(in));
            return Rpc.okResponse().toByteArray();
        });
        server.method(Rpc.PROFILE, in -> {
            List<ProfileEntry> entries = scheduler.profile(ClientMessages.readQueryRequest(in));
            WireOutput out = Rpc.okResponse().writeInt(entries.size());
            entries.forEach(entry -> entry.write(out));
            return out.toByteArray();
        });
        server.method(Rpc.WORKERS, in -> {
            in.expectEnd();
            return Rpc.okResponse().writeStrings(scheduler.workers()).toByteArray();
        });
        server.start();
        monitor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("heartbeat-monitor")
                .factory());
        long period = Math.max(50, config.heartbeatTimeoutMillis() / 4);
        monitor.scheduleAtFixedRate(() -> {
            for (String lost : scheduler.expireSilentWorkers()) {
                LOG.warning("worker " + lost + " missed its heartbeats; its tasks and needed output are rescheduled");
            }
        }, period, period, TimeUnit.MILLISECONDS);
        ResultSweeper sweeper = new ResultSweeper(scheduler, config.resultRetentionMillis());
        monitor.scheduleAtFixedRate(sweeper::sweep, sweeper.periodMillis(), sweeper.periodMillis(),
                TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.port();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    private byte[] register(WireInput in) {
        WorkerMessages.Register request = WorkerMessages.Register.read(in);
        long id = scheduler.register(request.address(), request.slots(), request.directory());
        return new WorkerMessages.Registered(id, config.pollIntervalMillis()).write();
    }

    private byte[] poll(WireInput in) {
        WorkerMessages.Poll request = WorkerMessages.Poll.read(in);
        // A poll without reports may wait for a task; one carrying reports answers at once.
        long wait = request.reports().isEmpty() ? Math.min(MAX_WAIT_MILLIS, config.heartbeatTimeoutMillis() / 3) : 0;
        Scheduler.PollResult result = scheduler.poll(request.workerId(), request.freeSlots(), request.reports(), wait);
        return new WorkerMessages.PollAnswer(result.known(), result.tasks(), result.finishedQueries()).write();
    }

    private byte[] submit(WireInput in) {
        dev.floe.cluster.TimingTrace.log("submit received");
        ClientMessages.Submit request = ClientMessages.Submit.read(in);
        QueryPlanner.Planned planned;
        if (request.kind() != ClientMessages.JOB) {
            int workers = scheduler.workers().size();
            if (workers == 0) {
                throw new FloeException(ErrorCode.CLUSTER_ERROR, "no worker is registered with this coordinator");
            }
            DistributedOptions options = request.options().forSlotsPerWorker(scheduler.slotsPerWorker());
            planned = switch (request.kind()) {
                case ClientMessages.DSL -> planner.planDsl(request.plan(), options, workers);
                case ClientMessages.DSL_SINGLE_NODE -> planner.planDsl(request.plan(),
                        request.options().withPartitionsPerWorker(1), 1);
                default -> planner.plan(request.plan(), options, workers);
            };
        } else {
            planned = new QueryPlanner.Planned(request.stages(), "");
        }
        dev.floe.cluster.TimingTrace.log("planned " + planned.stages().size() + " stages");
        String codec = request.options().shuffleCompression().fileCodec(scheduler.shufflesReadInPlace());
        long id = scheduler.submit(planned.stages(), request.options().nRetries(), codec, planned.explain(),
                request.resultLocation(), planned.labels(), planned.adaptive());
        return Rpc.okResponse().writeLong(id).toByteArray();
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        server.close();
    }
}
