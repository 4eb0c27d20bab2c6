package dev.floe.cluster.worker;

import dev.floe.core.FloeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the {@link TaskRunner} a task names: a registered one, or a class on the classpath with a no-argument constructor. */
public final class Runners {
    private static final Map<String, TaskRunner> RUNNERS = new ConcurrentHashMap<>();

    private Runners() {
    }

    public static void register(String name, TaskRunner runner) {
        RUNNERS.put(name, runner);
    }

    static TaskRunner find(String name) {
        return RUNNERS.computeIfAbsent(name, Runners::load);
    }

    private static TaskRunner load(String name) {
        try {
            Class<?> type = Class.forName(name);
            if (!TaskRunner.class.isAssignableFrom(type)) {
                throw FloeException.invalidArgument("task runner '" + name + "' does not implement TaskRunner");
            }
            return (TaskRunner) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw FloeException.invalidArgument("unknown task runner '" + name + "' on this worker: " + e);
        }
    }
}
