package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.ComputeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden stage graphs of the 22 PDS-H queries at scale factor 0.1 planned for 3 workers, in
 * {@code src/test/resources/golden/stages/qNN.txt}, with the data directory written {@code <data>}. Regenerate
 * with {@code ./mvnw test -Dfloe.regenerateGolden=true} and review the diff.
 */
class PdshStageGraphTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "stages");
    private static ComputeContext context;
    private static PdshTables tables;

    @BeforeAll
    static void plan() {
        tables = PdshTestData.tables(0.1);
        context = ComputeContext.builder().cpus(2).clusterSize(3).build();
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    static List<Integer> queries() {
        return java.util.stream.IntStream.rangeClosed(1, PdshQueries.COUNT).boxed().toList();
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void stageGraphMatchesTheGoldenFile(int query) throws IOException {
        String graph = PdshQueries.query(query, tables).remote(context).distributed().explain()
                .replace(PdshTestData.ROOT.toString(), "<data>");
        assertThat(graph).doesNotContain(PdshTestData.ROOT.toString()).startsWith("Stage 0: ");
        Path file = GOLDEN.resolve(String.format("q%02d.txt", query));
        if (Boolean.getBoolean("floe.regenerateGolden") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, graph);
        }
        assertThat(graph).isEqualTo(Files.readString(file));
    }
}
