package dev.floe.cluster;

import dev.floe.core.FloeException;
import java.util.Optional;

/**
 * Ties the life of a local cluster's coordinator and worker JVMs to the process that started them
 * ({@code --exit-with PID}): when that process ends, even killed outright so that it cannot stop them itself, they
 * exit too instead of running on as orphans that hold memory and ports.
 */
final class ParentProcess {
    /** The exit status of a process whose parent ended. */
    static final int ORPHANED = 4;
    static final String OPTION = "exit-with";

    private ParentProcess() {
    }

    /**
     * The process named by {@code --exit-with}, if the option was given; throws when it is not a process id or that
     * process is already gone (the JVM was started for a parent that no longer exists).
     */
    static Optional<ProcessHandle> of(CommandLine line) {
        long pid = line.number(OPTION, -1);
        if (pid == -1) {
            return Optional.empty();
        }
        if (pid < 1) {
            throw FloeException.invalidArgument("--" + OPTION + " must be a process id, got " + pid);
        }
        return Optional.of(ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElseThrow(
                () -> FloeException.invalidArgument("--" + OPTION + " names process " + pid
                        + ", which is not running")));
    }

    /** Exits this JVM (running its shutdown hooks) with {@link #ORPHANED} once {@code parent} has ended. */
    static void exitWhenGone(String program, ProcessHandle parent) {
        parent.onExit().thenRun(() -> {
            System.err.println(program + ": process " + parent.pid() + " that started it has ended; exiting");
            System.err.flush();
            System.exit(ORPHANED);
        });
    }
}
