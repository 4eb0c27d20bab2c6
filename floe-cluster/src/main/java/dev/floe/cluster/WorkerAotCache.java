package dev.floe.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The JDK AOT cache of a local cluster's workers (JEP 483 and 515: classes loaded and linked ahead of time, and the
 * method profiles of a earlier run, so the JIT compiles the hot code at once instead of profiling it again in every
 * worker JVM). One cache per build: its name is a digest of the java command, the JDK version, the classpath's jars
 * (path, size, modification time) and the workers' JVM options, so a rebuilt jar or another option gets a new one.
 *
 * <p>When the cache exists every worker starts with {@code -XX:AOTCache}. When it does not, the first worker of the
 * cluster trains it ({@code -XX:AOTCacheOutput}: the JVM records while it serves the cluster's queries and writes
 * the cache when it stops), unless another cluster is training the same cache (a lock file holding that process's
 * id). {@link #finish()}, after the workers stopped, moves the new cache in place. Caches work only for classpaths
 * made of jar files: with a directory on it (tests run from {@code target/classes}) or with AOT options of the
 * user's own, the workers start without one.
 */
final class WorkerAotCache {
    /** How long a training worker may take to stop: the JVM writes the cache (tens of MB) on its way out. */
    static final long TRAINING_STOP_MILLIS = 120_000;

    /**
     * The least CPU time a training worker must have used for its recording to become the cache: profiles of a
     * short run barely help the next clusters (PDS-H SF1 suite after a cache trained on one cold SF1 query, a few
     * seconds of a worker's CPU: 8.36 s, no cache 8.2–8.9 s, a cache trained on the suite, ~38 s of a worker's CPU:
     * 7.2–7.5 s), so a worker that did less is stopped without writing one and a later cluster trains again.
     */
    static final Duration MIN_TRAINING_CPU = Duration.ofSeconds(10);

    /** How many caches of older builds the directory keeps besides the newest. */
    static final int KEPT_CACHES = 3;

    private enum Mode { USE, TRAIN, NONE }

    private final Mode mode;
    private final Path cache;
    private final Path training;
    private final Path lock;

    private WorkerAotCache(Mode mode, Path cache, Path training, Path lock) {
        this.mode = mode;
        this.cache = cache;
        this.training = training;
        this.lock = lock;
    }

    /** No cache: every worker starts as without this class. */
    static WorkerAotCache none() {
        return new WorkerAotCache(Mode.NONE, null, null, null);
    }

    /**
     * The cache for workers started by {@code javaCommand} with {@code classPath} and {@code workerOptions} (the
     * options every worker gets, user's included; not the heap size) in {@code directory}, {@code null}: none.
     * Decides whether this cluster uses the cache, trains it or goes without.
     */
    static WorkerAotCache plan(Path directory, String javaCommand, String classPath, List<String> workerOptions,
            long heapMegabytes) {
        if (directory == null || workerOptions.stream().anyMatch(WorkerAotCache::isArchiveOption)) {
            return none();
        }
        List<Path> jars = jars(classPath);
        if (jars.isEmpty()) {
            return none();
        }
        String name = "worker-" + digest(javaCommand, jars, workerOptions, heapMegabytes);
        Path cache = directory.resolve(name + ".aot");
        try {
            Files.createDirectories(directory);
            if (Files.isRegularFile(cache)) {
                Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis()));
                return new WorkerAotCache(Mode.USE, cache, null, null);
            }
            Path lock = directory.resolve(name + ".lock");
            if (!takeLock(lock)) {
                return none();
            }
            deleteOrphanedTrainings(directory);
            Path training = directory.resolve(name + "." + ProcessHandle.current().pid() + ".training.aot");
            return new WorkerAotCache(Mode.TRAIN, cache, training, lock);
        } catch (IOException | UncheckedIOException e) {
            return none();
        }
    }

    /**
     * How a worker started with the cache uses its profiles. {@code AOTCompileEagerly} (experimental in JDK 25) has
     * the JIT queue the methods the training run compiled as soon as their class is initialized, instead of waiting
     * for each method's invocation counters to cross the thresholds again in every worker JVM; {@code
     * SkipTier2IfPossible} (diagnostic) compiles those the training run had in C2 with C2 at once, on the training's
     * stored profile, instead of C1 code that waits for the next counter overflow first. A worker without a cache
     * has no profiles, so neither option changes anything there. PDS-H SF1 cluster-only suites ({@code ./floe pdsh
     * run --query all --distributed}, 3 local workers on 2 cores, 3 runs after 3 warm-ups, sums of medians,
     * alternated, each variant's cache trained first): without either 6.83, 6.25, 5.86 and 5.73 s; the first alone
     * 5.59, 5.77, 5.45, 5.71, 5.85 and 5.48 s; both 5.03 and 5.18 s. Given on JDK 25 only ({@link
     * #replayOptions}): experimental and diagnostic flags may go in any release, and a JVM refuses to start with a
     * flag it does not know.
     */
    static final List<String> REPLAY_OPTIONS = List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+AOTCompileEagerly",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:+SkipTier2IfPossible");

    /**
     * {@link #REPLAY_OPTIONS} for workers run by the JDK {@code jdk} (the workers run this JVM's java command): on
     * JDK 25, which has both flags, else none.
     */
    static List<String> replayOptions(Runtime.Version jdk) {
        return jdk.feature() == 25 ? REPLAY_OPTIONS : List.of();
    }

    /**
     * The AOT options of worker {@code index}: the cache and its {@link #replayOptions} for all, or the training
     * output for the first worker.
     */
    List<String> options(int index) {
        return switch (mode) {
            case USE -> Stream.concat(Stream.of("-XX:AOTCache=" + cache), replayOptions(Runtime.version()).stream())
                    .toList();
            case TRAIN -> index == 0 ? List.of("-XX:AOTCacheOutput=" + training) : List.of();
            case NONE -> List.of();
        };
    }

    /** Whether worker {@code index} records the cache. */
    boolean trains(int index) {
        return mode == Mode.TRAIN && index == 0;
    }

    /**
     * Whether a training worker that used {@code cpu} so far should write its cache on stopping (it then may take
     * {@link #TRAINING_STOP_MILLIS}); if not, the cluster kills it, which writes nothing.
     */
    static boolean trainedEnough(Optional<Duration> cpu) {
        return cpu.map(used -> used.compareTo(MIN_TRAINING_CPU) >= 0).orElse(false);
    }

    /** The cache file the workers use or the training writes, {@code null} without one. */
    Path cache() {
        return cache;
    }

    /**
     * After the workers stopped: a complete training output becomes the cache (the JVM deletes its temporary
     * configuration file once the cache is written, so a file next to it means the training was cut short) and
     * older builds' caches beyond {@link #KEPT_CACHES} go; the lock is released either way, unless another process
     * holds it by now (this method runs again from the shutdown hook, or a later cluster took over the lock).
     */
    void finish() {
        if (mode != Mode.TRAIN) {
            return;
        }
        try {
            Path configuration = training.resolveSibling(training.getFileName() + ".config");
            if (Files.isRegularFile(training) && !Files.exists(configuration)) {
                Files.move(training, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                prune(cache);
            }
            Files.deleteIfExists(training);
            Files.deleteIfExists(configuration);
        } catch (IOException e) {
            // The cache is an optimization: without it the next cluster trains again.
        } finally {
            try {
                if (Files.readString(lock).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                    Files.delete(lock);
                }
            } catch (IOException e) {
                // Gone already, or left behind: a lock whose process is gone is taken over by the next cluster.
            }
        }
    }

    /**
     * The JVM's own archive options, AOT flags switched on or off included ({@code -XX:-AOTCompileEagerly}): a user
     * who sets one chooses the archive and how it is used, so Floe adds none.
     */
    private static boolean isArchiveOption(String option) {
        return option.startsWith("-XX:AOT") || option.startsWith("-XX:+AOT") || option.startsWith("-XX:-AOT")
                || option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-Xshare")
                || option.startsWith("-XX:ArchiveClassesAtExit");
    }

    /** The classpath's entries when every one is a jar file whose manifest names no other entries, else empty. */
    static List<Path> jars(String classPath) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.isRegularFile(path) || !entry.endsWith(".jar") || hasManifestClassPath(path)) {
                return List.of();
            }
            jars.add(path);
        }
        return jars;
    }

    private static boolean hasManifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) != null;
        } catch (IOException e) {
            return true;
        }
    }

    /** Takes {@code lock} when free or held by a process that is gone; false while a live process holds it. */
    private static boolean takeLock(Path lock) throws IOException {
        String self = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(lock, self, StandardOpenOption.CREATE_NEW);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (holderAlive(lock)) {
                    return false;
                }
                Files.deleteIfExists(lock);
            }
        }
        return false;
    }

    private static boolean holderAlive(Path lock) {
        try {
            return alive(Files.readString(lock).trim());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes training outputs ({@code NAME.PID.training.aot} and its {@code .config}) whose process {@code PID} is
     * gone: a cluster whose JVM died before it stopped its workers.
     */
    private static void deleteOrphanedTrainings(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "worker-*.training.aot*")) {
            for (Path file : files) {
                String[] parts = file.getFileName().toString().split("\\.");
                if (parts.length >= 4 && !alive(parts[1])) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes the oldest {@code worker-*.aot} caches next to {@code kept} beyond {@link #KEPT_CACHES} others. */
    private static void prune(Path kept) throws IOException {
        List<Path> others = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(kept.getParent(), "worker-*.aot")) {
            for (Path file : files) {
                if (!file.equals(kept) && !file.getFileName().toString().endsWith(".training.aot")) {
                    others.add(file);
                }
            }
        }
        others.sort((a, b) -> lastModified(b).compareTo(lastModified(a)));
        for (Path old : others.subList(Math.min(KEPT_CACHES, others.size()), others.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * A digest of what the JVM checks a cache against: the java command and version, every jar's path, size and
     * modification time, the options, and whether the heap allows compressed object pointers (under 32 GB).
     */
    private static String digest(String javaCommand, List<Path> jars, List<String> options, long heapMegabytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(javaCommand).append('\n').append(Runtime.version()).append('\n');
            for (Path jar : jars) {
                text.append(jar).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            }
            options.forEach(option -> text.append(option).append('\n'));
            text.append(heapMegabytes < 32 * 1024 ? "compressed-oops" : "wide-oops");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
