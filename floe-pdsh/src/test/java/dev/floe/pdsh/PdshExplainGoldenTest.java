package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.LazyFrame;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.Expressions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimized plans of the 22 PDS-H queries against golden files in src/test/resources/golden/explain, so a change
 * to the optimizer shows up as a reviewable diff; {@code -Dfloe.regenerateGolden=true} rewrites the files. Plus
 * checks of where the optimizer put things (predicates in scans, only the needed columns read).
 */
class PdshExplainGoldenTest {
    private static final double SCALE_FACTOR = 0.1;
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "explain");
    private static final boolean REGENERATE = Boolean.getBoolean("floe.regenerateGolden");

    static List<Integer> queries() {
        List<Integer> numbers = new ArrayList<>();
        for (int query = 1; query <= PdshQueries.COUNT; query++) {
            numbers.add(query);
        }
        return numbers;
    }

    private static PdshTables tables() {
        return PdshTestData.tables(SCALE_FACTOR);
    }

    /** The explain text with the data location replaced by {@code <data>}, so it does not depend on the machine. */
    static String normalizedExplain(LazyFrame query, PdshTables tables) {
        return query.explain().replace(tables.location(), "<data>");
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void optimizedPlanMatchesItsGoldenFile(int query) throws IOException {
        PdshTables tables = tables();
        String actual = normalizedExplain(PdshQueries.query(query, tables), tables);
        Path file = GOLDEN.resolve(String.format("q%02d.txt", query));
        if (REGENERATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s is missing; run ./mvnw test -Dfloe.regenerateGolden=true", file)
                .exists();
        assertThat(actual).as("optimized plan of q%d differs from %s; if the change is intended, regenerate with "
                + "./mvnw test -Dfloe.regenerateGolden=true and review the diff", query, file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(actual).doesNotContain(PdshTestData.ROOT.toString());
    }

    @Test
    void q6PredicateSitsInTheLineitemScanWithNoFilterAboveIt() {
        LogicalPlan plan = PdshQueries.query(6, tables()).optimizedPlan();
        Scan lineitem = scanOf(plan, "lineitem");

        assertThat(lineitem.predicate()).isNotNull();
        assertThat(Expressions.columns(lineitem.predicate()))
                .containsExactlyInAnyOrder("l_quantity", "l_discount", "l_shipdate");
        assertThat(nodes(plan)).noneMatch(node -> node instanceof dev.floe.plan.logical.Filter);
    }

    @Test
    void q1ReadsOnlyTheSevenColumnsItNeeds() {
        Scan lineitem = scanOf(PdshQueries.query(1, tables()).optimizedPlan(), "lineitem");
        Set<String> read = new TreeSet<>(lineitem.projection());
        read.addAll(Expressions.columns(lineitem.predicate()));

        assertThat(read).containsExactlyInAnyOrder("l_quantity", "l_extendedprice", "l_discount", "l_tax",
                "l_returnflag", "l_linestatus", "l_shipdate");
        assertThat(lineitem.tableSchema().size()).isEqualTo(16);
    }

    @Test
    void q3JoinsTakeTheirFiltersBeforeTheJoin() {
        LogicalPlan plan = PdshQueries.query(3, tables()).optimizedPlan();

        assertThat(Expressions.columns(scanOf(plan, "customer").predicate())).containsExactly("c_mktsegment");
        assertThat(Expressions.columns(scanOf(plan, "orders").predicate())).containsExactly("o_orderdate");
        assertThat(Expressions.columns(scanOf(plan, "lineitem").predicate())).containsExactly("l_shipdate");
    }

    private static Scan scanOf(LogicalPlan plan, String table) {
        List<Scan> scans = new ArrayList<>();
        for (LogicalPlan node : nodes(plan)) {
            if (node instanceof Scan scan && scan.source().paths().getFirst().contains("/" + table + "/")) {
                scans.add(scan);
            }
        }
        assertThat(scans).as("scans of %s", table).hasSize(1);
        return scans.getFirst();
    }

    private static List<LogicalPlan> nodes(LogicalPlan plan) {
        List<LogicalPlan> all = new ArrayList<>();
        all.add(plan);
        for (LogicalPlan input : plan.inputs()) {
            all.addAll(nodes(input));
        }
        return all;
    }
}
