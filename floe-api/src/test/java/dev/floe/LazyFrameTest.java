package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.plan.codec.DslCodec;
import dev.floe.plan.dsl.DslPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LazyFrameTest {
    private static LazyFrame data() {
        return DataFrame.builder().column("a", DataType.INT32, List.of(1, 2)).column("s", List.of("x", "y"))
                .build().lazy();
    }

    private static void fails(Runnable action, ErrorCode code, String... fragments) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(FloeException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            for (String fragment : fragments) {
                assertThat(e.getMessage()).contains(fragment);
            }
        });
    }

    @Test
    void explainPrintsTheResolvedAndTheOptimizedPlan() {
        LazyFrame query = data().filter(col("a").gt(1)).select(col("a").add(1).alias("b"));
        assertThat(query.explain(false)).isEqualTo("""
                SELECT [[(col("a")) + (dyn int: 1)].alias("b")] FROM
                  FILTER [(col("a")) > (dyn int: 1)] FROM
                    DF ["a", "s"]; PROJECT */2 COLUMNS; 2 ROWS
                """);
        assertThat(query.explain()).isEqualTo("""
                SELECT [[(col("a")) + (dyn int: 1)].alias("b")] FROM
                  FILTER [(col("a")) > (dyn int: 1)] FROM
                    SELECT [col("a")] FROM
                      DF ["a", "s"]; PROJECT */2 COLUMNS; 2 ROWS
                """);
        assertThat(data().explain(false)).isEqualTo(data().explain(true));
    }

    @Test
    void explainCanDisableOptimizerRulesByName() {
        LazyFrame query = data().select(col("a"), col("a").add(1).alias("b")).filter(col("a").gt(1));
        String optimized = query.explain();
        String withoutPushdown = query.explain(dev.floe.plan.optimizer.OptimizerOptions.defaults()
                .withDisabledRules(java.util.Set.of("push_down_predicates")));
        assertThat(optimized.indexOf("FILTER")).isGreaterThan(optimized.indexOf("SELECT"));
        assertThat(withoutPushdown.indexOf("FILTER")).isLessThan(withoutPushdown.indexOf("SELECT"));
        fails(() -> query.explain(dev.floe.plan.optimizer.OptimizerOptions.defaults()
                .withDisabledRules(java.util.Set.of("no_such_rule"))), ErrorCode.INVALID_ARGUMENT, "no_such_rule",
                "push_down_predicates");
    }

    @Test
    void collectSchemaResolvesWithoutRunning() {
        assertThat(data().groupBy("s").agg(col("a").sum(), col("a").mean().alias("m")).collectSchema())
                .isEqualTo(Schema.of(Field.of("s", DataType.STRING), Field.of("a", DataType.INT32),
                        Field.of("m", DataType.FLOAT64)));
    }

    @Test
    void userErrorsSurfaceWithCodesAndHelpfulMessages() {
        fails(() -> data().select(col("zz")).collectSchema(), ErrorCode.COLUMN_NOT_FOUND, "'zz'", "[a, s]");
        fails(() -> data().select(col("s").add(1)).collectSchema(), ErrorCode.TYPE_MISMATCH, "col(\"s\")", "String");
        fails(() -> data().select(col("a"), col("a")).collect(), ErrorCode.DUPLICATE_COLUMN, "'a'");
        fails(() -> data().filter(col("a")).collect(), ErrorCode.TYPE_MISMATCH, "Boolean");
        fails(() -> data().groupBy("s").agg(col("a")).collect(), ErrorCode.INVALID_PLAN, "aggregat");
        fails(() -> data().sort(List.of(col("a"), col("s")), SortOptions.defaults().withDescending(true, false, true)),
                ErrorCode.INVALID_ARGUMENT, "3 descending");
        fails(() -> data().head(-1), ErrorCode.INVALID_ARGUMENT, "-1");
        fails(() -> data().tail(-1), ErrorCode.INVALID_ARGUMENT, "-1");
        fails(() -> data().join(data(), List.of(), JoinType.INNER), ErrorCode.INVALID_ARGUMENT, "key");
        fails(() -> data().withRowIndex("idx", -1), ErrorCode.INVALID_ARGUMENT, "offset");
        fails(() -> Floe.concat(), ErrorCode.INVALID_ARGUMENT, "at least one");
        fails(() -> Floe.concat(data(), data().drop("s")).collect(), ErrorCode.SCHEMA_MISMATCH);
        fails(() -> data().sinkCsv(""), ErrorCode.INVALID_ARGUMENT, "path");
    }

    @Test
    void theDslPlanShipsThroughTheCodec() {
        LazyFrame query = data().filter(col("a").gt(1)).groupBy("s").agg(col("a").sum());
        DslPlan decoded = DslCodec.decode(DslCodec.encode(query.plan()));
        assertThat(new LazyFrame(decoded).explain()).isEqualTo(query.explain());
    }

    @Test
    void sinkPlansEndInASink() {
        String text = data().sinkPlan(FileFormat.PARQUET, "out.parquet", Map.of()).explain();
        assertThat(text).startsWith("SINK[parquet: \"out.parquet\"]");
    }

    @Test
    void scanOptionsAreKeptByName() {
        ScanOptions options = ScanOptions.defaults().separator('|').hasHeader(false).hivePartitioning(true)
                .with("skip_rows", 2);
        assertThat(options.asMap()).containsEntry("separator", "|").containsEntry("has_header", "false")
                .containsEntry("hive_partitioning", "true").containsEntry("skip_rows", "2");
        DslPlan plan = Floe.scanCsv("data.csv", options).plan();
        assertThat(((DslPlan.Scan) plan).source().options()).isEqualTo(options.asMap());
        assertThat(((DslPlan.Scan) Floe.scanParquet("x.parquet").plan()).source().format())
                .isEqualTo(FileFormat.PARQUET);
        assertThat(((DslPlan.Scan) Floe.scanIpc("x.arrow").plan()).source().format()).isEqualTo(FileFormat.IPC);
    }
}
