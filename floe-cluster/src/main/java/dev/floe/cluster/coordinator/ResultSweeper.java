package dev.floe.cluster.coordinator;

import dev.floe.cluster.ResultLocation;
import dev.floe.core.FloeException;
import dev.floe.io.storage.ObjectStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes the result files of finished queries once their retention period is over (results of queries without
 * a sink are temporary); the coordinator runs it periodically.
 */
public final class ResultSweeper {
    private static final Logger LOG = Logger.getLogger(ResultSweeper.class.getName());
    private final Scheduler scheduler;
    private final long retentionMillis;

    public ResultSweeper(Scheduler scheduler, long retentionMillis) {
        this.scheduler = scheduler;
        this.retentionMillis = retentionMillis;
    }

    /** How often to look: a quarter of the retention, between one second and one minute. */
    public long periodMillis() {
        return Math.max(1000, Math.min(60_000, retentionMillis / 4));
    }

    /**
     * Forgets the queries whose retention is over and deletes their result directories (local directories, or
     * {@code s3://} prefixes with the storage options the query wrote them with); returns the directories.
     */
    public List<String> sweep() {
        List<String> swept = new ArrayList<>();
        for (ResultLocation expired : scheduler.expireResults(retentionMillis)) {
            swept.add(expired.directory());
            if (ObjectStores.isRemote(expired.directory())) {
                try {
                    ObjectStores.forLocation(expired.directory(), expired.storageOptions())
                            .deleteAll(expired.directory() + "/");
                } catch (FloeException e) {
                    LOG.warning("cannot delete expired results " + expired.directory() + ": " + e.getMessage());
                }
                continue;
            }
            Path directory = Path.of(expired.directory());
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (NoSuchFileException e) {
                // No result files were written (a failed or canceled query).
            } catch (IOException e) {
                LOG.warning("cannot delete expired results " + directory + ": " + e.getMessage());
            }
        }
        return swept;
    }
}
