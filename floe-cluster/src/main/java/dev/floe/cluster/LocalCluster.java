package dev.floe.cluster;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A coordinator and {@code workers} worker JVMs on this machine, on free ports of 127.0.0.1, started with this
 * JVM's classpath and flags: the default cluster of a {@code ComputeContext} without an address. {@link #close()}
 * (and a shutdown hook, should the caller forget) stops every process it started.
 */
public final class LocalCluster implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 90_000;

    private final Path directory;
    private final Process coordinator;
    private final List<Process> workers = new ArrayList<>();
    private final List<String> workerAddresses = new ArrayList<>();
    private final String coordinatorAddress;
    private final Thread shutdownHook;
    private final int cpus;
    private final long memoryMegabytes;
    private final boolean sameHostReads;
    private final WorkerAotCache aotCache;

    private LocalCluster(Path directory, int workerCount, int cpus, long memoryMegabytes, long heartbeatTimeoutMillis,
            long resultRetentionMinutes, boolean sameHostReads) {
        this.directory = directory;
        this.sameHostReads = sameHostReads;
        this.cpus = cpus;
        this.memoryMegabytes = memoryMegabytes;
        this.aotCache = WorkerAotCache.plan(aotCacheDirectory(), javaCommand(), System.getProperty("java.class.path"),
                workerJvmOptions(0), memoryMegabytes);
        this.shutdownHook = new Thread(this::stopProcesses, "floe-local-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Process started = null;
        try {
            started = launch("coordinator", CoordinatorMain.class, coordinatorJvmOptions(), List.of("--port", "0", "--work-dir",
                    directory.resolve("coordinator").toString(), "--heartbeat-timeout-ms",
                    Long.toString(heartbeatTimeoutMillis), "--result-retention-minutes",
                    Long.toString(resultRetentionMinutes), "--exit-with", Long.toString(ProcessHandle.current().pid())),
                    256);
            this.coordinator = started;
            int port = Integer.parseInt(awaitLine(started, directory.resolve("coordinator.out"), CoordinatorMain.READY));
            this.coordinatorAddress = "127.0.0.1:" + port;
            for (int i = 0; i < workerCount; i++) {
                addWorker();
            }
            awaitWorkers(workerCount);
        } catch (RuntimeException e) {
            if (started != null) {
                started.destroyForcibly();
            }
            stopProcesses();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            throw e;
        }
    }

    /** Starts a cluster of {@code workers} worker JVMs, each with {@code cpus} task threads and a heap of {@code memoryMegabytes}. */
    public static LocalCluster start(int workers, int cpus, long memoryMegabytes, Path directory) {
        return start(workers, cpus, memoryMegabytes, directory, 5000);
    }

    public static LocalCluster start(int workers, int cpus, long memoryMegabytes, Path directory,
            long heartbeatTimeoutMillis) {
        return start(workers, cpus, memoryMegabytes, directory, heartbeatTimeoutMillis, 360);
    }

    /** As {@link #start(int, int, long, Path)}; results of queries without a sink are deleted after the retention. */
    public static LocalCluster start(int workers, int cpus, long memoryMegabytes, Path directory,
            long heartbeatTimeoutMillis, long resultRetentionMinutes) {
        return start(workers, cpus, memoryMegabytes, directory, heartbeatTimeoutMillis, resultRetentionMinutes, true);
    }

    /**
     * As {@link #start(int, int, long, Path, long, long)}; with {@code sameHostReads} off every worker gets
     * {@code --same-host-reads false}, so the workers exchange shuffle data over Arrow Flight as on separate hosts.
     */
    public static LocalCluster start(int workers, int cpus, long memoryMegabytes, Path directory,
            long heartbeatTimeoutMillis, long resultRetentionMinutes, boolean sameHostReads) {
        if (resultRetentionMinutes < 1) {
            throw FloeException.invalidArgument("the result retention must be at least 1 minute, got "
                    + resultRetentionMinutes);
        }
        if (workers < 1 || cpus < 1 || memoryMegabytes < 64) {
            throw FloeException.invalidArgument("a local cluster needs >= 1 worker, >= 1 cpu and >= 64 MB per worker; got "
                    + workers + " workers, " + cpus + " cpus, " + memoryMegabytes + " MB");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create cluster directory " + directory, e);
        }
        return new LocalCluster(directory, workers, cpus, memoryMegabytes, heartbeatTimeoutMillis,
                resultRetentionMinutes, sameHostReads);
    }

    /** The directory holding the processes' output, shuffle files and (by default) query results. */
    public Path directory() {
        return directory;
    }

    public String coordinatorAddress() {
        return coordinatorAddress;
    }

    /** The worker processes, in start order (tests kill one to check recovery). */
    public synchronized List<Process> workerProcesses() {
        return List.copyOf(workers);
    }

    /** The shuffle data address ({@code host:port}) of each worker, in the order of {@link #workerProcesses()}. */
    public synchronized List<String> workerAddresses() {
        return List.copyOf(workerAddresses);
    }

    public ClusterClient client() {
        return new ClusterClient(coordinatorAddress);
    }

    /** Starts one more worker JVM and returns it once it has registered. */
    public synchronized Process addWorker() {
        int index = workers.size();
        List<String> options = new ArrayList<>(workerJvmOptions(index));
        options.addAll(aotCache.options(index));
        Process worker = launch("worker-" + index, WorkerMain.class, options, List.of("--coordinator", coordinatorAddress,
                "--cpus", Integer.toString(cpus), "--work-dir", directory.resolve("worker-" + index).toString(),
                "--same-host-reads", Boolean.toString(sameHostReads),
                "--exit-with", Long.toString(ProcessHandle.current().pid())),
                memoryMegabytes);
        workers.add(worker);
        workerAddresses.add(awaitLine(worker, directory.resolve("worker-" + index + ".out"), WorkerMain.READY));
        return worker;
    }

    /**
     * The workers' collector: ParallelGC. The workers are CPU bound on a few shared cores and their heaps hold
     * short-lived batches next to large, briefly-lived arrays (group tables, build sides); G1 spent its time in
     * concurrent cycles started by humongous allocations and shrank the heap between queries. Same-run A/B
     * (DistributedCompare, SF1, 3 runs after 3 warm-ups, cluster/local seconds): G1 8.17/3.81 and 8.55/3.74,
     * ParallelGC 7.82/3.90 and 7.74/3.77.
     */
    static final String WORKER_COLLECTOR = "-XX:+UseParallelGC";

    /**
     * The workers' C2 settings. Thresholds for invocations: three times HotSpot's defaults (5,000 / 600 / 15,000), loop
     * back-edge thresholds unchanged. Each worker runs a share of every query's tasks, so a method run a few
     * times per task (planning a fragment, opening files, encoding shuffle output) crosses the default C2 thresholds
     * in every worker JVM and is compiled there again; C2 threads took ~40 % of the workers' CPU over a PDS-H SF1
     * suite. With these thresholds such lukewarm methods stay in C1 code, and per-row loops still reach C2 through
     * their back-edges. Same-window A/B (DistributedCompare, SF1, 3 runs after 3 warm-ups, 3 local workers on 2
     * cores, cluster s / local s / the workers' C2-thread CPU s): defaults 8.00 / 4.72 / 41.1 and 9.28 / 5.24 /
     * 46.4; these 7.64 / 4.72 / 31.1 and 8.23 / 4.90 / 33.3 (task-thread CPU unchanged, 64-70 s). Ten times the
     * defaults cut C2 no further (31.3 s) and cost task CPU (72.2 s).
     *
     * <p>And C2 inlines less: at most 6 levels deep (default 15) and no callee whose compiled code exceeds 500
     * bytes (default 2,500). Every worker JVM compiles the same methods, so the size of each C2 compilation is
     * paid three times on the same cores; the per-row loops are small and still inline what they call. PDS-H
     * cluster-only suites ({@code ./floe pdsh run --query all --distributed}, 3 local workers on 2 cores, sums of
     * medians, alternated, each option's worker cache trained first): SF1 3+3 runs, default inlining 8.27 and
     * 6.67 s with 33.3 and 26.1 s of the workers' C2 CPU, these 6.53 and 6.06 s with 18.2 and 17.0 s; SF10 2 runs
     * after 1 warm-up, 54.6 s against 47.4 s.
     */
    static final List<String> WORKER_JIT_OPTIONS = List.of("-XX:Tier4InvocationThreshold=15000",
            "-XX:Tier4MinInvocationThreshold=1800", "-XX:Tier4CompileThreshold=45000", "-XX:MaxInlineLevel=6",
            "-XX:InlineSmallCode=500");

    /**
     * Extra JVM options of worker {@code index} from the environment variable {@code FLOE_WORKER_JAVA_OPTS}
     * (for example a JFR recording); {@code {index}} in it becomes the worker's index.
     */
    private static List<String> workerJvmOptions(int index) {
        return workerJvmOptions(System.getenv("FLOE_WORKER_JAVA_OPTS"), index);
    }

    /**
     * {@link #WORKER_COLLECTOR} and {@link #WORKER_JIT_OPTIONS}, then the user's extra options with {@code {index}}
     * replaced ({@code null}: none; given later, they win); when the user's options choose a collector themselves
     * ({@code -XX:+Use...GC}) the default is left out, since the JVM refuses two collectors.
     */
    static List<String> workerJvmOptions(String extra, int index) {
        List<String> user = extra == null ? List.of() : CommandLine.split(extra.replace("{index}",
                Integer.toString(index)));
        List<String> options = new ArrayList<>();
        if (user.stream().noneMatch(LocalCluster::choosesCollector)) {
            options.add(WORKER_COLLECTOR);
        }
        options.addAll(WORKER_JIT_OPTIONS);
        options.addAll(user);
        return options;
    }

    private static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /**
     * The coordinator's JIT: C1 only. Its work is short control code (resolve, optimize, cut into stages, schedule)
     * that runs a few times per query, so it is latency bound: with C2 on, the planning code stayed in slow profiled
     * tiers for the first ~100 queries while C2 threads competed with the workers for the cores (planning the 22
     * PDS-H queries in one JVM took 4.4, 1.8 and 1.3 s on the first three rounds; C1 only: 1.7, 0.36 and 0.16 s).
     */
    static final List<String> COORDINATOR_JIT_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** Extra JVM options of the coordinator from the environment variable {@code FLOE_COORDINATOR_JAVA_OPTS}. */
    private static List<String> coordinatorJvmOptions() {
        return coordinatorJvmOptions(System.getenv("FLOE_COORDINATOR_JAVA_OPTS"));
    }

    /** The coordinator's JIT options, then the user's extra options (given later, they win), {@code null}: none. */
    static List<String> coordinatorJvmOptions(String extra) {
        List<String> options = new ArrayList<>(COORDINATOR_JIT_OPTIONS);
        if (extra != null) {
            options.addAll(CommandLine.split(extra));
        }
        return options;
    }

    private Process launch(String name, Class<?> main, List<String> jvmOptions, List<String> arguments,
            long heapMegabytes) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmFlags());
        command.add("-Xmx" + heapMegabytes + "m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(directory.resolve(name + ".out").toFile())
                .redirectError(directory.resolve(name + ".err").toFile());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new FloeException(ErrorCode.CLUSTER_ERROR, "cannot start the " + name + " JVM: " + e.getMessage(), e);
        }
    }

    /** The java command of this JVM, which starts the cluster's JVMs. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    /**
     * Where the workers' AOT cache lives ({@link WorkerAotCache}): the environment variable {@code FLOE_AOT_CACHE}
     * or the system property {@code floe.aotCache} ({@code off}: no cache), else {@code target/aot-cache} under
     * {@code floe.home} (set by {@code ./floe}), else {@code floe-aot-cache-USER} in the temporary directory.
     */
    static Path aotCacheDirectory() {
        return aotCacheDirectory(System.getenv("FLOE_AOT_CACHE"), System.getProperty("floe.aotCache"),
                System.getProperty("floe.home"), System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
    }

    static Path aotCacheDirectory(String environment, String property, String floeHome, String temporary, String user) {
        String chosen = environment != null && !environment.isBlank() ? environment : property;
        if (chosen != null && !chosen.isBlank()) {
            return chosen.trim().equalsIgnoreCase("off") ? null : Path.of(chosen.trim());
        }
        if (floeHome != null && !floeHome.isBlank()) {
            return Path.of(floeHome, "target", "aot-cache");
        }
        return Path.of(temporary, "floe-aot-cache-" + (user == null ? "user" : user));
    }

    /** floe.jvmFlags when set, else the module-access flags this JVM itself was started with. */
    private static List<String> jvmFlags() {
        String flags = System.getProperty("floe.jvmFlags");
        if (flags != null) {
            return CommandLine.split(flags);
        }
        List<String> inherited = new ArrayList<>();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-opens") || argument.startsWith("--enable-native-access")
                    || argument.startsWith("--sun-misc-unsafe-memory-access")) {
                inherited.add(argument);
            }
        }
        return inherited;
    }

    private String awaitLine(Process process, Path output, String prefix) {
        long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(output)) {
                    for (String line : Files.readAllLines(output)) {
                        if (line.startsWith(prefix)) {
                            return line.substring(prefix.length()).trim();
                        }
                    }
                }
                if (!process.isAlive()) {
                    throw new FloeException(ErrorCode.CLUSTER_ERROR, "a cluster process exited with status "
                            + process.exitValue() + " before it was ready: " + tail(output.resolveSibling(
                                    output.getFileName().toString().replace(".out", ".err"))));
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + output, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FloeException(ErrorCode.CANCELED, "interrupted while starting the cluster", e);
            }
        }
        throw new FloeException(ErrorCode.CLUSTER_ERROR, "a cluster process did not get ready within "
                + START_TIMEOUT_MILLIS + " ms (see " + output + ")");
    }

    private void awaitWorkers(int count) {
        long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
        try (ClusterClient client = client()) {
            while (client.workers().size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new FloeException(ErrorCode.CLUSTER_ERROR, "only " + client.workers().size() + " of "
                            + count + " workers registered within " + START_TIMEOUT_MILLIS + " ms");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while starting the cluster", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /**
     * Stops every process, then installs a trained AOT cache: a worker training the cache that did enough work
     * gets {@link WorkerAotCache#TRAINING_STOP_MILLIS} to write it, one that did not is killed (writing nothing),
     * the others get 5 s before they are killed.
     */
    private synchronized void stopProcesses() {
        List<Process> all = new ArrayList<>(workers);
        if (coordinator != null) {
            all.add(coordinator);
        }
        Process trainer = !workers.isEmpty() && aotCache.trains(0) ? workers.getFirst() : null;
        boolean writesCache = trainer != null && trainer.isAlive()
                && WorkerAotCache.trainedEnough(trainer.info().totalCpuDuration());
        for (Process process : all) {
            if (process == trainer && !writesCache) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        }
        for (Process process : all) {
            long waitMillis = process == trainer && writesCache ? WorkerAotCache.TRAINING_STOP_MILLIS : 5_000;
            try {
                if (!process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        aotCache.finish();
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs anyway.
        }
    }
}
