package dev.floe.cluster;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Timestamped lines of a query's life in every process of a cluster (client submit, coordinator planning, task
 * assignment, fetch, run, output written, report), to see where the wall time of a distributed query goes: set
 * the environment variable {@code FLOE_TRACE} (or {@code -Dfloe.trace}) to a directory, and each process appends
 * {@code <epoch ms> <thread> <event>} lines to {@code trace-<pid>.log} there; sort them together to read a query.
 */
public final class TimingTrace {
    private static final String DIRECTORY = System.getProperty("floe.trace", System.getenv("FLOE_TRACE"));
    private static PrintStream out;
    private static boolean failed;

    private TimingTrace() {
    }

    public static boolean enabled() {
        return DIRECTORY != null && !failed;
    }

    /** Appends one event line when tracing is on; a trace that cannot be written is switched off. */
    public static synchronized void log(String event) {
        if (!enabled()) {
            return;
        }
        try {
            if (out == null) {
                out = new PrintStream(new FileOutputStream(Path.of(DIRECTORY)
                        .resolve("trace-" + ProcessHandle.current().pid() + ".log").toFile(), true), true);
            }
            out.println(System.currentTimeMillis() + " " + Thread.currentThread().getName() + " " + event);
        } catch (IOException e) {
            failed = true;
        }
    }
}
