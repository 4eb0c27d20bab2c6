package dev.floe.bench.pdsh;

import dev.floe.DataFrame;
import dev.floe.core.FloeException;
import dev.floe.io.storage.ObjectStore;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3ObjectStore;
import dev.floe.io.storage.StoredObject;
import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.PdshTables;
import dev.floe.pdsh.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PDS-H from an S3-compatible server against local disk, same process, query by query: uploads
 * {@code DATA/sf<SF>} to {@code s3://BUCKET/data} once (skipped when the objects are there with the same sizes),
 * prints the bytes Q6 fetches (first with cold footers, then warm) against the dataset and lineitem sizes, then
 * times each query from disk and from S3 and checks both results against the answers when they are known.
 * {@code PdshS3Compare --sf SF --data DIR --endpoint URL --bucket B [--runs R] [--warmup W]}; credentials are
 * {@code floe}/{@code floe-secret} unless {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} are set.
 */
public final class PdshS3Compare {
    private PdshS3Compare() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (FloeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        Map<String, String> named = new HashMap<>(Map.of("--sf", "1", "--data", "data", "--endpoint",
                "http://127.0.0.1:9090", "--bucket", "floe-bench", "--runs", "1", "--warmup", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!named.containsKey(args[i])) {
                throw FloeException.invalidArgument("unknown option " + args[i] + "; valid: " + named.keySet());
            }
            named.put(args[i], args[i + 1]);
        }
        double scaleFactor = Double.parseDouble(named.get("--sf"));
        int runs = Integer.parseInt(named.get("--runs"));
        int warmup = Integer.parseInt(named.get("--warmup"));
        Map<String, String> storage = Map.of("aws_endpoint_url", named.get("--endpoint"), "aws_access_key_id",
                System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "floe"), "aws_secret_access_key",
                System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "floe-secret"), "aws_region", "us-east-1");
        PdshTables local = PdshTables.of(Path.of(named.get("--data")).toAbsolutePath().toString(), scaleFactor,
                Map.of());
        PdshTables remote = PdshTables.of("s3://" + named.get("--bucket") + "/data", scaleFactor, storage);
        long datasetBytes = upload(Path.of(local.location()), remote.location(), storage);
        S3ObjectStore store = (S3ObjectStore) ObjectStores.forLocation(remote.location(), storage);
        long lineitemBytes = store.list(remote.location() + "/lineitem/").stream().mapToLong(StoredObject::size)
                .sum();
        System.out.printf(Locale.ROOT, "dataset %,d bytes in %s; lineitem %,d bytes%n", datasetBytes,
                remote.location(), lineitemBytes);
        for (String pass : List.of("cold footers", "warm footers")) {
            long bytes = store.bytesFetched();
            long requests = store.getRequests();
            PdshQueries.query(6, remote).collect();
            long fetched = store.bytesFetched() - bytes;
            System.out.printf(Locale.ROOT, "Q6 (%s): %,d bytes in %d GETs = %.1f %% of lineitem, %.1f %% of the "
                    + "dataset%n", pass, fetched, store.getRequests() - requests, 100.0 * fetched / lineitemBytes,
                    100.0 * fetched / datasetBytes);
        }
        PdshAnswers answers = PdshAnswers.onClasspath(scaleFactor) ? PdshAnswers.fromClasspath(scaleFactor) : null;
        System.out.printf(Locale.ROOT, "PDS-H sf %s, %d warmup + %d timed runs per query and source%n", scaleFactor,
                warmup, runs);
        System.out.printf(Locale.ROOT, "%-5s %12s %12s %8s  %s%n", "query", "disk best s", "s3 best s", "s3/disk",
                "answers (disk/s3)");
        double diskTotal = 0;
        double s3Total = 0;
        int failures = 0;
        for (PdshQuery query : PdshQuery.all()) {
            Timed disk = time(local, query.number(), warmup, runs);
            Timed s3 = time(remote, query.number(), warmup, runs);
            String verdict = "not checked";
            if (answers != null) {
                boolean diskOk = answers.compare(query.number(), disk.result()).matches();
                boolean s3Ok = answers.compare(query.number(), s3.result()).matches();
                failures += (diskOk ? 0 : 1) + (s3Ok ? 0 : 1);
                verdict = (diskOk ? "ok" : "DIFFERS") + "/" + (s3Ok ? "ok" : "DIFFERS");
            }
            diskTotal += disk.best();
            s3Total += s3.best();
            System.out.printf(Locale.ROOT, "q%02d   %12.3f %12.3f %8.2f  %s%n", query.number(), disk.best(), s3.best(),
                    s3.best() / disk.best(), verdict);
        }
        System.out.printf(Locale.ROOT, "total %12.3f %12.3f %8.2f%n", diskTotal, s3Total, s3Total / diskTotal);
        System.out.printf(Locale.ROOT, "S3 GETs in all: %d requests, %,d bytes%n", store.getRequests(),
                store.bytesFetched());
        return failures == 0 ? 0 : 1;
    }

    /** The best of the timed runs and the last result. */
    private record Timed(double best, ResultTable result) {
    }

    private static Timed time(PdshTables tables, int query, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            PdshQueries.query(query, tables).collect();
        }
        double best = Double.MAX_VALUE;
        DataFrame result = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = PdshQueries.query(query, tables).collect();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return new Timed(best, ResultTable.fromBatches(result.schema(), List.of(result.toBatch())));
    }

    /** Copies the local data set's Parquet files to {@code prefix} unless there already; returns its size. */
    private static long upload(Path root, String prefix, Map<String, String> storage) {
        ObjectStore store = ObjectStores.forLocation(prefix, storage);
        Map<String, Long> present = new HashMap<>();
        for (StoredObject object : store.list(prefix + "/")) {
            present.put(object.location(), object.size());
        }
        long total = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
                String location = prefix + "/" + root.relativize(file).toString().replace('\\', '/');
                long size = Files.size(file);
                total += size;
                if (present.getOrDefault(location, -1L) == size) {
                    continue;
                }
                try (OutputStream out = store.create(location)) {
                    Files.copy(file, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
