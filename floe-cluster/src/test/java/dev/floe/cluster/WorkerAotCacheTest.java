package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerAotCacheTest {
    private static final List<String> OPTIONS = List.of("-XX:+UseParallelGC");
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

    @TempDir
    Path directory;

    @Test
    void withoutACacheTheFirstWorkerTrainsIt() throws IOException {
        WorkerAotCache cache = plan(jar("a.jar", null));

        assertThat(cache.trains(0)).isTrue();
        assertThat(cache.trains(1)).isFalse();
        assertThat(cache.options(0)).singleElement().asString().startsWith("-XX:AOTCacheOutput=" + directory
                .resolve("caches")).endsWith(".training.aot");
        assertThat(cache.options(1)).isEmpty();
    }

    @Test
    void theReplayFlagsGoOnlyToJdk25WorkersSinceOtherJdksMayNotKnowThem() {
        assertThat(WorkerAotCache.replayOptions(Runtime.Version.parse("25.0.1+8")))
                .isEqualTo(WorkerAotCache.REPLAY_OPTIONS).contains("-XX:+AOTCompileEagerly");
        assertThat(WorkerAotCache.replayOptions(Runtime.Version.parse("26"))).isEmpty();
        assertThat(WorkerAotCache.replayOptions(Runtime.Version.parse("24.0.2"))).isEmpty();
    }

    @Test
    void aCompletedTrainingBecomesTheCacheOfEveryWorkerOfTheNextCluster() throws IOException {
        Path jar = jar("a.jar", null);
        WorkerAotCache training = plan(jar);
        Files.writeString(trainingOutput(training), "cache");

        training.finish();

        WorkerAotCache next = plan(jar);
        assertThat(Files.readString(next.cache())).isEqualTo("cache");
        List<String> expected = new ArrayList<>(List.of("-XX:AOTCache=" + next.cache()));
        expected.addAll(WorkerAotCache.replayOptions(Runtime.version()));
        assertThat(next.options(0)).isEqualTo(expected);
        assertThat(next.options(2)).isEqualTo(next.options(0));
        assertThat(next.trains(0)).isFalse();
        assertThat(files()).containsExactly(next.cache().getFileName().toString());
    }

    @Test
    void aTrainingCutShortLeavesNoCacheAndTheNextClusterTrainsAgain() throws IOException {
        Path jar = jar("a.jar", null);
        WorkerAotCache training = plan(jar);
        Path output = trainingOutput(training);
        Files.writeString(output, "half a cache");
        Files.writeString(output.resolveSibling(output.getFileName() + ".config"), "configuration");

        training.finish();

        assertThat(files()).isEmpty();
        assertThat(plan(jar).trains(0)).isTrue();
    }

    @Test
    void whileOneClusterTrainsAnotherGoesWithoutACache() throws IOException {
        Path jar = jar("a.jar", null);
        WorkerAotCache first = plan(jar);

        WorkerAotCache second = plan(jar);

        assertThat(second.options(0)).isEmpty();
        assertThat(second.trains(0)).isFalse();
        first.finish();
        assertThat(plan(jar).trains(0)).isTrue();
    }

    @Test
    void theLockOfAProcessThatIsGoneIsTakenOver() throws Exception {
        Path jar = jar("a.jar", null);
        WorkerAotCache first = plan(jar);
        Path lock = lockFile();
        Process gone = new ProcessBuilder(JAVA, "-version").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        Files.writeString(lock, Long.toString(gone.pid()));

        WorkerAotCache takenOver = plan(jar);

        assertThat(takenOver.trains(0)).isTrue();
        assertThat(takenOver.cache()).isEqualTo(first.cache());
        assertThat(Files.readString(lock)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void finishingLeavesALockThatAnotherProcessHoldsByNow() throws IOException {
        Path jar = jar("a.jar", null);
        WorkerAotCache training = plan(jar);
        Path lock = lockFile();
        Files.writeString(lock, Long.toString(ProcessHandle.current().parent().orElseThrow().pid()));

        training.finish();

        assertThat(lock).exists();
        assertThat(plan(jar).trains(0)).as("the other process still trains").isFalse();
    }

    @Test
    void theTrainingOutputOfAClusterWhoseProcessIsGoneIsDeleted() throws Exception {
        Path jar = jar("a.jar", null);
        Path caches = Files.createDirectories(directory.resolve("caches"));
        Process gone = new ProcessBuilder(JAVA, "-version").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        Path orphan = Files.writeString(caches.resolve("worker-0123.%d.training.aot".formatted(gone.pid())), "x");
        Path orphanConfiguration = Files.writeString(caches.resolve(orphan.getFileName() + ".config"), "x");
        Path live = Files.writeString(caches.resolve("worker-4567.%d.training.aot"
                .formatted(ProcessHandle.current().pid())), "x");

        plan(jar);

        assertThat(orphan).doesNotExist();
        assertThat(orphanConfiguration).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void onlyAWorkerThatDidEnoughWorkWritesTheCache() {
        assertThat(WorkerAotCache.trainedEnough(Optional.of(Duration.ofSeconds(45)))).isTrue();
        assertThat(WorkerAotCache.trainedEnough(Optional.of(WorkerAotCache.MIN_TRAINING_CPU))).isTrue();
        assertThat(WorkerAotCache.trainedEnough(Optional.of(Duration.ofSeconds(3)))).isFalse();
        assertThat(WorkerAotCache.trainedEnough(Optional.empty())).isFalse();
    }

    @Test
    void aRebuiltJarOrOtherOptionsGetAnotherCache() throws IOException {
        Path jar = jar("a.jar", null);
        Path cache = plan(jar).cache();

        assertThat(WorkerAotCache.plan(directory.resolve("caches"), JAVA, jar.toString(), List.of("-XX:+UseG1GC"),
                1024).cache()).isNotEqualTo(cache);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(plan(jar).cache()).isNotEqualTo(cache);
    }

    @Test
    void classpathsTheJvmCannotArchiveGetNoCache() throws IOException {
        Path jar = jar("a.jar", null);
        Path classes = Files.createDirectories(directory.resolve("classes"));
        Path booter = jar("booter.jar", "a.jar classes/");

        assertThat(WorkerAotCache.jars(jar + java.io.File.pathSeparator + classes)).isEmpty();
        assertThat(WorkerAotCache.jars(booter.toString())).isEmpty();
        assertThat(WorkerAotCache.jars(jar + java.io.File.pathSeparator + directory.resolve("missing.jar"))).isEmpty();
        assertThat(WorkerAotCache.jars(jar.toString())).containsExactly(jar);
        assertThat(plan(booter).options(0)).isEmpty();
    }

    @Test
    void theUsersOwnArchiveOptionsAndNoDirectoryMeanNoCache() throws IOException {
        Path jar = jar("a.jar", null);

        for (String option : List.of("-XX:AOTCache=/tmp/mine.aot", "-XX:SharedArchiveFile=/tmp/x.jsa", "-Xshare:off",
                "-XX:-AOTCompileEagerly", "-XX:+AOTClassLinking")) {
            assertThat(WorkerAotCache.plan(directory, JAVA, jar.toString(), List.of(option), 1024).options(0))
                    .isEmpty();
        }
        assertThat(WorkerAotCache.plan(null, JAVA, jar.toString(), OPTIONS, 1024).options(0)).isEmpty();
    }

    @Test
    void aNewCacheKeepsThreeOlderOnesAndDropsTheRest() throws IOException {
        Path caches = Files.createDirectories(directory.resolve("caches"));
        for (int i = 0; i < 5; i++) {
            Path old = Files.writeString(caches.resolve("worker-old" + i + ".aot"), "old");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        WorkerAotCache training = plan(jar("a.jar", null));
        Files.writeString(trainingOutput(training), "new");

        training.finish();

        assertThat(files()).containsExactlyInAnyOrder(training.cache().getFileName().toString(), "worker-old4.aot",
                "worker-old3.aot", "worker-old2.aot");
    }

    @Test
    void aRealJvmTrainsTheCacheAndTheNextJvmMapsItAndReplaysItsProfiles() throws Exception {
        Path jar = directory.resolve("sample.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream classFile = AotTrainingSample.class.getResourceAsStream("AotTrainingSample.class")) {
            out.putNextEntry(new JarEntry("dev/floe/cluster/AotTrainingSample.class"));
            classFile.transferTo(out);
        }
        WorkerAotCache training = plan(jar);
        assertThat(run(jar, training.options(0))).contains("sample done");
        training.finish();

        WorkerAotCache trained = plan(jar);
        assertThat(Files.size(trained.cache())).isPositive();
        List<String> options = new ArrayList<>(trained.options(1));
        options.add("-Xlog:aot=info");
        options.add("-Xlog:training=debug");
        assertThat(run(jar, options)).contains("Opened AOT cache " + trained.cache())
                .as("the cache holds the training's profiles, which the JVM replays")
                .contains("Replay training: " + AotTrainingSample.class.getName()).contains("sample done");
    }

    private WorkerAotCache plan(Path jar) {
        return WorkerAotCache.plan(directory.resolve("caches"), JAVA, jar.toString(), OPTIONS, 1024);
    }

    private static Path trainingOutput(WorkerAotCache training) {
        return Path.of(training.options(0).getFirst().substring("-XX:AOTCacheOutput=".length()));
    }

    private Path lockFile() throws IOException {
        try (var files = Files.list(directory.resolve("caches"))) {
            return files.filter(f -> f.toString().endsWith(".lock")).findFirst().orElseThrow();
        }
    }

    private List<String> files() throws IOException {
        try (var files = Files.list(directory.resolve("caches"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** A jar holding one entry; {@code classPath} non-null adds a manifest {@code Class-Path}. */
    private Path jar(String name, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = directory.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("empty.txt"));
        }
        return jar;
    }

    private String run(Path jar, List<String> aotOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx1024m"));
        command.addAll(OPTIONS);
        command.addAll(aotOptions);
        command.addAll(List.of("-cp", jar.toString(), AotTrainingSample.class.getName()));
        Path output = Files.createTempFile(directory, "jvm", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the JVM ends").isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
