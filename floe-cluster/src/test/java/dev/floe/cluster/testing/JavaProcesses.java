package dev.floe.cluster.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class in a JVM of its own, as the local cluster does, for tests of the process entry points. */
public final class JavaProcesses {
    private JavaProcesses() {
    }

    /**
     * Starts {@code main} with {@code arguments} in a new JVM (this JVM's java, module flags and class path, a
     * 128 MB heap), its standard output and error going to {@code out} and {@code err}.
     */
    public static Process start(Class<?> main, List<String> arguments, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access")
                        || a.startsWith("--sun-misc-unsafe-memory-access")).forEach(command::add);
        command.addAll(List.of("-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
    }
}
