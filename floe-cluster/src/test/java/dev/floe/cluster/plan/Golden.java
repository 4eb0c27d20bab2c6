package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares text with a committed golden file under src/test/resources/golden; -Dfloe.regenerateGolden=true rewrites it. */
final class Golden {
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path file = DIRECTORY.resolve(name);
        if (Boolean.getBoolean("floe.regenerateGolden") || !Files.exists(file)) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
