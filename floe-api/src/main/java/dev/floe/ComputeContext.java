package dev.floe;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.LocalCluster;
import dev.floe.cluster.ResultLocation;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where remote queries run, as Polars Cloud's {@code ComputeContext}: the hardware of each worker ({@code cpus},
 * {@code memory} in GB), how many workers ({@code clusterSize}), and either the {@code address} of a running
 * coordinator or, without one, a local cluster (a coordinator and {@code clusterSize} worker JVMs on this machine)
 * started by the first query and reused until {@link #close()}. In job mode every query gets its own cluster,
 * stopped (and its temporary results deleted) when the query ends.
 */
public final class ComputeContext implements AutoCloseable {
    private final int cpus;
    private final double memory;
    private final int clusterSize;
    private final String address;
    private final Path workDirectory;
    private final boolean ownsWorkDirectory;
    private final boolean jobMode;
    private final Duration resultRetention;
    private final String resultLocation;
    private final Map<String, String> resultStorageOptions;
    private final List<String> resultDirectories = new ArrayList<>();
    private final Boolean progress;
    private final boolean sameHostReads;
    private LocalCluster cluster;
    private ClusterClient client;
    private int clusterCount;
    private boolean closed;

    /** A local cluster of {@code clusterSize} workers with {@code cpus} threads and {@code memory} GB of heap each. */
    public ComputeContext(int cpus, double memory, int clusterSize) {
        this(builder().cpus(cpus).memory(memory).clusterSize(clusterSize));
    }

    private ComputeContext(Builder builder) {
        if (builder.cpus < 1) {
            throw FloeException.invalidArgument("cpus must be at least 1, got " + builder.cpus);
        }
        if (!(builder.memory >= 0.0625)) {
            throw FloeException.invalidArgument("memory must be at least 0.0625 GB (64 MB) per worker, got "
                    + builder.memory);
        }
        if (builder.clusterSize < 1) {
            throw FloeException.invalidArgument("clusterSize must be at least 1, got " + builder.clusterSize);
        }
        if (builder.resultRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw FloeException.invalidArgument("resultRetention must be at least one minute, got "
                    + builder.resultRetention);
        }
        if (builder.address != null && builder.jobMode) {
            throw FloeException.invalidArgument("job mode starts its own cluster; it cannot use the running cluster at "
                    + builder.address);
        }
        if (builder.address != null) {
            dev.floe.cluster.protocol.HostPort.parse(builder.address);
        }
        if (builder.resultLocation != null && !ObjectStores.isRemote(builder.resultLocation)
                && !Path.of(builder.resultLocation).isAbsolute()) {
            throw FloeException.invalidArgument("resultLocation must be an s3:// prefix or an absolute directory every "
                    + "worker can reach, got '" + builder.resultLocation + "'");
        }
        if (builder.resultLocation != null) {
            StorageOptions.from(builder.resultStorageOptions);
        }
        this.cpus = builder.cpus;
        this.memory = builder.memory;
        this.clusterSize = builder.clusterSize;
        this.address = builder.address;
        this.jobMode = builder.jobMode;
        this.resultRetention = builder.resultRetention;
        this.resultLocation = builder.resultLocation;
        this.resultStorageOptions = Map.copyOf(builder.resultStorageOptions);
        this.progress = builder.progress;
        this.sameHostReads = builder.sameHostReads;
        if (builder.workDirectory != null) {
            this.workDirectory = builder.workDirectory.toAbsolutePath();
            this.ownsWorkDirectory = false;
        } else if (builder.address == null) {
            try {
                this.workDirectory = Files.createTempDirectory("floe-compute");
            } catch (IOException e) {
                throw new FloeException(ErrorCode.IO_ERROR, "cannot create a work directory for the local cluster: "
                        + e.getMessage(), e);
            }
            this.ownsWorkDirectory = true;
        } else {
            this.workDirectory = null;
            this.ownsWorkDirectory = false;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int cpus() {
        return cpus;
    }

    /** Heap per worker, in GB. */
    public double memory() {
        return memory;
    }

    public int clusterSize() {
        return clusterSize;
    }

    /** The coordinator's {@code host:port}: the given address, or the local cluster's once started (else null). */
    public synchronized String address() {
        return address != null ? address : cluster == null ? null : cluster.coordinatorAddress();
    }

    public Path workDirectory() {
        return workDirectory;
    }

    public boolean jobMode() {
        return jobMode;
    }

    /** Whether the workers of a local cluster read each other's shuffle files in place (else over Arrow Flight). */
    public boolean sameHostReads() {
        return sameHostReads;
    }

    public Duration resultRetention() {
        return resultRetention;
    }

    /** Where results of queries without a sink are written ({@code null}: the coordinator's results directory). */
    public String resultLocation() {
        return resultLocation;
    }

    /** The storage options that reach {@link #resultLocation()}. */
    Map<String, String> resultStorageOptions() {
        return resultStorageOptions;
    }

    /**
     * Where the next query without a sink writes its result: a fresh directory under {@link #resultLocation()}
     * (remembered, so {@link #close()} deletes it when this context started the cluster), else the default.
     */
    synchronized ResultLocation nextResultLocation() {
        if (resultLocation == null) {
            return ResultLocation.DEFAULT;
        }
        String base = resultLocation.endsWith("/") ? resultLocation.substring(0, resultLocation.length() - 1)
                : resultLocation;
        String directory = base + "/query-" + UUID.randomUUID();
        resultDirectories.add(directory);
        return new ResultLocation(directory, resultStorageOptions);
    }

    /** Deletes one query's result directory under {@link #resultLocation()} (job mode, once the rows were read). */
    void deleteResult(String directory) {
        if (ObjectStores.isRemote(directory)) {
            ObjectStores.forLocation(directory, resultStorageOptions).deleteAll(directory + "/");
        } else {
            deleteTree(Path.of(directory));
        }
    }

    /**
     * Whether waiting for a remote query prints a live line per stage to stderr: as set with
     * {@link Builder#progress}, otherwise only when the process runs in a terminal.
     */
    public boolean showsProgress() {
        return progress != null ? progress : dev.floe.cluster.ProgressPrinter.terminalAttached();
    }

    /** The client of this context's cluster (interactive mode), starting the local cluster on first use. */
    synchronized ClusterClient client() {
        checkOpen();
        if (client == null) {
            if (address != null) {
                client = new ClusterClient(address);
            } else {
                cluster = startCluster();
                client = cluster.client();
            }
        }
        return client;
    }

    /** A new local cluster for one job-mode query; the caller closes it. */
    synchronized LocalCluster startJobCluster() {
        checkOpen();
        return startCluster();
    }

    /** How many workers a query of this context is planned for: those registered at the address, else clusterSize. */
    int plannedWorkers() {
        return address != null ? Math.max(1, client().workers().size()) : clusterSize;
    }

    private LocalCluster startCluster() {
        long megabytes = Math.max(64, Math.round(memory * 1024));
        return LocalCluster.start(clusterSize, cpus, megabytes, workDirectory.resolve("cluster-" + clusterCount++),
                5000, Math.max(1, resultRetention.toMinutes()), sameHostReads);
    }

    private void checkOpen() {
        if (closed) {
            throw FloeException.invalidArgument("this ComputeContext is closed; create a new one");
        }
    }

    /** Stops the local cluster this context started (deleting its temporary results); a remote cluster keeps running. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
            deleteTree(cluster.directory());
            for (String directory : resultDirectories) {
                try {
                    deleteResult(directory);
                } catch (FloeException e) {
                    // Best effort: the coordinator is gone, and an unreachable store keeps what it has.
                }
            }
        }
        if (ownsWorkDirectory) {
            deleteTree(workDirectory);
        }
    }

    /** Deletes a directory tree, best effort (a file still open elsewhere stays). */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: the rest of the tree still goes.
                }
            }
        } catch (IOException e) {
            // Best effort.
        }
    }

    @Override
    public String toString() {
        return "ComputeContext(cpus=" + cpus + ", memory=" + memory + " GB, clusterSize=" + clusterSize
                + (address != null ? ", address=" + address : ", local") + (jobMode ? ", job mode" : "")
                + (sameHostReads ? "" : ", same-host reads off")
                + (resultLocation != null ? ", results in " + resultLocation : "") + ")";
    }

    /** Settings of a {@link ComputeContext}; defaults: 2 cpus, 1 GB, 3 workers, local, interactive, 6 h retention. */
    public static final class Builder {
        private int cpus = 2;
        private double memory = 1;
        private int clusterSize = 3;
        private String address;
        private Path workDirectory;
        private boolean jobMode;
        private Duration resultRetention = Duration.ofHours(6);
        private String resultLocation;
        private Map<String, String> resultStorageOptions = Map.of();
        private Boolean progress;
        private boolean sameHostReads = true;

        private Builder() {
        }

        /**
         * Whether the workers of a local cluster read each other's shuffle files in place, as workers on one host do
         * (default true); false makes every worker fetch its peers' shuffle output over Arrow Flight, as workers on
         * separate hosts do. A running cluster at {@link #address(String)} keeps its workers' own setting.
         */
        public Builder sameHostReads(boolean enabled) {
            this.sameHostReads = enabled;
            return this;
        }

        /**
         * Where the last stage writes the Parquet results of queries without a sink: each query gets its own
         * directory under {@code location} (an {@code s3://bucket/prefix} or an absolute directory every worker can
         * reach), written by the workers and read by the client with {@code storageOptions} (Polars' names:
         * {@code aws_region}, {@code aws_endpoint_url}, ...). They are temporary like results in the coordinator's
         * directory: deleted after the retention, and when the context that started the cluster closes.
         */
        public Builder resultLocation(String location, Map<String, String> storageOptions) {
            this.resultLocation = java.util.Objects.requireNonNull(location, "location");
            this.resultStorageOptions = Map.copyOf(storageOptions);
            return this;
        }

        public Builder cpus(int value) {
            this.cpus = value;
            return this;
        }

        /** Heap per worker, in GB (fractions allowed: 0.5 is 512 MB). */
        public Builder memory(double gigabytes) {
            this.memory = gigabytes;
            return this;
        }

        public Builder clusterSize(int workers) {
            this.clusterSize = workers;
            return this;
        }

        /** The {@code host:port} of a running coordinator ({@code floe coordinator}); no local cluster is started. */
        public Builder address(String hostPort) {
            this.address = hostPort;
            return this;
        }

        /** Where a local cluster keeps its logs, shuffle files and temporary results (a temporary directory if unset). */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory;
            return this;
        }

        /** Job mode: each query starts its own local cluster and stops it when the query ends. */
        public Builder jobMode(boolean enabled) {
            this.jobMode = enabled;
            return this;
        }

        /** How long results of queries without a sink are kept (at least a minute; default 6 hours). */
        public Builder resultRetention(Duration retention) {
            this.resultRetention = java.util.Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * Print (or not) a live line per stage to stderr while waiting for a query:
         * {@code stage 3/7 [join]  tasks 5/12  rows 1.2M  bytes 48 MB}. Unset: only in a terminal.
         */
        public Builder progress(boolean enabled) {
            this.progress = enabled;
            return this;
        }

        public ComputeContext build() {
            return new ComputeContext(this);
        }
    }
}
