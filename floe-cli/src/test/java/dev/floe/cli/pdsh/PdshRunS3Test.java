package dev.floe.cli.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cli.FloeCommand;
import dev.floe.io.storage.ObjectStore;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3MockServer;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.ResultComparison;
import dev.floe.pdsh.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code floe pdsh run --data s3://bucket/prefix} as a separate process whose only S3 settings are the AWS SDK's
 * standard environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT_URL; the
 * custom endpoint turns on path-style addressing), against s3mock: the PDSH_TIMING / PDSH_RESULT lines and the
 * CSV, locally and on a local cluster whose workers inherit the environment.
 */
class PdshRunS3Test {
    private static final Path DATA = Path.of("target", "pdsh-cli-s3-data").toAbsolutePath();
    private static final String SF = "0.01";
    private static S3MockServer server;
    private static String data;

    @BeforeAll
    static void upload() throws IOException {
        if (!PdshGenerator.isComplete(DATA, 0.01)) {
            int code = FloeCommand.run(new String[] {"pdsh", "generate", "--sf", SF, "--out", DATA.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            assertThat(code).isZero();
        }
        server = S3MockServer.get();
        data = "s3://" + server.createBucket("floe-cli-pdsh") + "/data";
        ObjectStore store = ObjectStores.forLocation(data, server.options());
        try (Stream<Path> files = Files.walk(DATA.resolve("sf0.01"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                try (OutputStream out = store.create(data + "/" + DATA.relativize(file).toString().replace('\\', '/'))) {
                    Files.copy(file, out);
                }
            }
        }
    }

    /** The exit code and the output of {@code floe ARGS} run in a new JVM with the AWS variables set. */
    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome floeProcess(Path workDirectory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-opens") || argument.startsWith("--enable-native-access")
                    || argument.startsWith("--sun-misc-unsafe-memory-access") || argument.startsWith("-Dfloe.jvmFlags")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), FloeCommand.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(workDirectory);
        Path out = workDirectory.resolve("stdout.txt");
        Path err = workDirectory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        var environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", "floe");
        environment.put("AWS_SECRET_ACCESS_KEY", "floe-secret");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL", server.endpoint());
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("floe " + String.join(" ", args) + " did not finish in 240 s");
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void checkContract(Outcome outcome, int query, int runs, Path csv, Path reference)
            throws IOException {
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<String> lines = outcome.out().lines().toList();
        assertThat(lines).hasSize(runs + 1);
        for (int run = 1; run <= runs; run++) {
            assertThat(lines.get(run - 1)).matches("PDSH_TIMING engine=floe query=" + query + " run=" + run
                    + " seconds=[0-9]+\\.[0-9]+");
        }
        ResultTable result = ResultTable.readCsv(csv);
        assertThat(lines.get(runs)).isEqualTo("PDSH_RESULT engine=floe query=" + query + " rows=" + result.rowCount()
                + " cols=" + result.columns().size());
        ResultComparison comparison = ResultComparison.compare(PdshQuery.of(query), ResultTable.readCsv(reference),
                result);
        assertThat(comparison.matches()).as(comparison.report()).isTrue();
    }

    @Test
    @Timeout(600)
    void runFromS3WithTheAwsEnvironmentKeepsTheContractLocallyAndDistributed() throws Exception {
        Path out = DATA.resolve("out");
        Path reference = out.resolve("q03-disk.csv");
        assertThat(FloeCommand.run(new String[] {"pdsh", "run", "--query", "3", "--sf", SF, "--data",
                DATA.toString(), "--out", reference.toString(), "--runs", "1", "--warmup", "0"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();

        Path local = out.resolve("q03-s3.csv");
        checkContract(floeProcess(out.resolve("local"), "pdsh", "run", "--query", "3", "--sf", SF, "--data", data,
                "--out", local.toString(), "--runs", "2", "--warmup", "0"), 3, 2, local, reference);

        Path distributed = out.resolve("q03-s3-distributed.csv");
        checkContract(floeProcess(out.resolve("distributed"), "pdsh", "run", "--query", "3", "--sf", SF, "--data",
                data, "--out", distributed.toString(), "--runs", "1", "--warmup", "0", "--distributed", "--workers",
                "2"), 3, 1, distributed, reference);
    }

    @Test
    @Timeout(300)
    void aMissingPrefixIsAOneLineErrorNamingIt() throws Exception {
        Outcome outcome = floeProcess(DATA.resolve("out").resolve("missing"), "pdsh", "run", "--query", "1", "--sf",
                SF, "--data", data + "-nothing-here", "--out", DATA.resolve("out").resolve("x.csv").toString());
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.err()).contains("no PDS-H data at " + data + "-nothing-here/sf0.01");
    }

    @Test
    void explicitStorageOptionsReachTheServerInProcess() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path csv = DATA.resolve("out").resolve("q06-options.csv");
        List<String> args = new ArrayList<>(List.of("pdsh", "run", "--query", "6", "--sf", SF, "--data", data,
                "--out", csv.toString(), "--runs", "1", "--warmup", "0"));
        server.options().forEach((name, value) -> args.addAll(List.of("--storage-option", name + "=" + value)));
        args.addAll(List.of("--storage-option", "aws_force_path_style=true"));
        int code = FloeCommand.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("PDSH_RESULT engine=floe query=6 rows=1 cols=1");
        assertThat(csv).exists();
    }
}
