package dev.floe;

import static dev.floe.Floe.all;
import static dev.floe.Floe.col;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.exec.ExecutionOptions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LazyFrameEndToEndTest {
    private static final ExecutionOptions ONE_THREAD = new ExecutionOptions(1, 2);

    private static DataFrame sales() {
        return DataFrame.builder()
                .column("region", Arrays.asList("north", "south", "north", "east", null, "south"))
                .column("units", DataType.INT32, Arrays.asList(3, 5, null, 2, 7, 1))
                .column("price", Arrays.asList(1.5, 2.0, 3.0, null, 0.5, 4.0))
                .column("day", Arrays.asList(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2),
                        LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 1, 5),
                        LocalDate.of(2024, 12, 31)))
                .build();
    }

    private static DataFrame frame(Object... nameThenValues) {
        DataFrame.Builder builder = DataFrame.builder();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            builder.column((String) nameThenValues[i], (List<?>) nameThenValues[i + 1]);
        }
        return builder.build();
    }

    @Test
    void selectComputesArithmeticWithPolarsNamesAndTypes() {
        DataFrame result = sales().lazy().select(col("units").add(1), col("units").mul(col("price")).alias("revenue"),
                col("units").div(2).alias("half")).collect(ONE_THREAD);
        assertThat(result.schema()).isEqualTo(Schema.of(Field.of("units", DataType.INT32),
                Field.of("revenue", DataType.FLOAT64), Field.of("half", DataType.FLOAT64)));
        assertThat(result.column("units").toList()).containsExactly(4, 6, null, 3, 8, 2);
        assertThat(result.column("revenue").toList()).containsExactly(4.5, 10.0, null, null, 3.5, 4.0);
        assertThat(result.column("half").toList()).containsExactly(1.5, 2.5, null, 1.0, 3.5, 0.5);
    }

    @Test
    void filterKeepsTrueRowsOnly() {
        DataFrame result = sales().lazy().filter(col("units").gt(2).and(col("day").lt(Floe.date(2024, 6, 1))))
                .select("region", "units").collect(ONE_THREAD);
        DataFrame.assertEquals(frame("region", Arrays.asList("north", "south", null),
                "units", List.of(3, 5, 7)), result);
    }

    @Test
    void filterOnStringsAndNulls() {
        DataFrame result = sales().lazy().filter(col("region").str().startsWith("n").or(col("region").isNull()))
                .select(col("units").fillNull(0)).collect(ONE_THREAD);
        assertThat(result.column("units").toList()).containsExactly(3, 0, 7);
    }

    @Test
    void groupByAggregatesWithPolarsTypes() {
        DataFrame result = sales().lazy().groupBy("region").agg(col("units").sum(), col("price").mean().alias("avg"),
                Floe.len(), col("units").count().alias("counted")).sort("region").collect(ONE_THREAD);
        assertThat(result.schema()).isEqualTo(Schema.of(Field.of("region", DataType.STRING),
                Field.of("units", DataType.INT32), Field.of("avg", DataType.FLOAT64), Field.of("len", DataType.UINT32),
                Field.of("counted", DataType.UINT32)));
        DataFrame expected = DataFrame.builder()
                .column("region", Arrays.asList(null, "east", "north", "south"))
                .column("units", DataType.INT32, List.of(7, 2, 3, 6))
                .column("avg", Arrays.asList(0.5, null, 2.25, 3.0))
                .column("len", DataType.UINT32, List.of(1L, 1L, 2L, 2L))
                .column("counted", DataType.UINT32, List.of(1L, 1L, 1L, 2L)).build();
        DataFrame.assertEquals(expected, result, 1e-12, false);
    }

    @Test
    void selectOfOnlyAggregationsGivesOneRow() {
        DataFrame result = sales().lazy().select(col("units").sum(), col("price").max(), col("region").nUnique(),
                Floe.len()).collect(ONE_THREAD);
        assertThat(result.height()).isEqualTo(1);
        assertThat(result.row(0)).containsExactly(18, 4.0, 4L, 6L);
    }

    @Test
    void withColumnsBroadcastsAggregations() {
        DataFrame result = frame("v", List.of(1.0, 2.0, 6.0)).lazy()
                .withColumns(col("v").sub(col("v").mean()).alias("centered"), col("v").sum().alias("total"))
                .collect(ONE_THREAD);
        assertThat(result.columns()).containsExactly("v", "centered", "total");
        assertThat(result.column("centered").toList()).containsExactly(-2.0, -1.0, 3.0);
        assertThat(result.column("total").toList()).containsExactly(9.0, 9.0, 9.0);
    }

    @Test
    void filtersCompareRowsWithAggregatesOfTheWholeInput() {
        DataFrame result = frame("v", List.of(1.0, 2.0, 6.0, 6.0)).lazy()
                .filter(col("v").eq(col("v").max()))
                .collect(ONE_THREAD);
        assertThat(result.columns()).containsExactly("v");
        assertThat(result.column("v").toList()).containsExactly(6.0, 6.0);
        DataFrame aboveMean = frame("v", List.of(1.0, 2.0, 6.0)).lazy().filter(col("v").gt(col("v").mean()))
                .collect(ONE_THREAD);
        assertThat(aboveMean.column("v").toList()).containsExactly(6.0);
    }

    @Test
    void decimalArithmeticKeepsItsScale() {
        DataFrame decimals = DataFrame.builder()
                .column("a", dev.floe.core.types.DataType.decimal(10, 2),
                        List.of(new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2.25")))
                .column("b", dev.floe.core.types.DataType.decimal(10, 1),
                        List.of(new java.math.BigDecimal("2.0"), new java.math.BigDecimal("0.5")))
                .build();
        DataFrame result = decimals.lazy().select(col("a").mul(col("b")).alias("product"),
                col("a").add(col("b")).alias("total"), col("a").div(col("b")).alias("ratio"),
                col("a").mean().alias("mean"), col("a").sum().alias("sum")).collect(ONE_THREAD);
        assertThat(result.schema().field("product").type()).isEqualTo(dev.floe.core.types.DataType.decimal(18, 4));
        assertThat(result.column("product").toList()).containsExactly(new java.math.BigDecimal("3.0000"),
                new java.math.BigDecimal("1.1250"));
        assertThat(result.column("total").toList()).containsExactly(new java.math.BigDecimal("3.50"),
                new java.math.BigDecimal("2.75"));
        assertThat(result.column("ratio").toList()).containsExactly(0.75, 4.5);
        assertThat(result.column("mean").toList()).containsExactly(1.875, 1.875);
        assertThat(result.column("sum").toList()).containsExactly(new java.math.BigDecimal("3.75"),
                new java.math.BigDecimal("3.75"));
    }

    @Test
    void uniqueSelectsTheDistinctValues() {
        DataFrame result = frame("g", java.util.Arrays.asList("a", "b", "a", null, "b")).lazy()
                .select(col("g").unique().alias("group"))
                .sort("group").collect(ONE_THREAD);
        assertThat(result.columns()).containsExactly("group");
        assertThat(result.column("group").toList()).containsExactly(null, "a", "b");
    }

    @Test
    void windowsComputePerPartition() {
        DataFrame result = frame("g", List.of("a", "b", "a"), "v", List.of(1L, 10L, 5L)).lazy()
                .withColumns(col("v").sum().over("g").alias("per_g")).collect(ONE_THREAD);
        assertThat(result.column("per_g").toList()).containsExactly(6L, 10L, 6L);
    }

    @Test
    void whenThenOtherwise() {
        DataFrame result = sales().lazy().select(when(col("units").gt(4)).then("many").when(col("units").isNull())
                .then("unknown").otherwise("few").alias("size")).collect(ONE_THREAD);
        assertThat(result.column("size").toList()).containsExactly("few", "many", "unknown", "few", "many", "few");
    }

    @Test
    void joinsOfEveryKind() {
        LazyFrame left = frame("id", List.of(1L, 2L, 3L), "l", List.of("a", "b", "c")).lazy();
        LazyFrame right = DataFrame.builder().column("id", DataType.INT32, List.of(2, 3, 4))
                .column("r", List.of("x", "y", "z")).build().lazy();
        DataFrame inner = left.join(right, "id", JoinType.INNER).sort("id").collect(ONE_THREAD);
        DataFrame.assertEquals(frame("id", List.of(2L, 3L), "l", List.of("b", "c"), "r", List.of("x", "y")), inner);
        DataFrame leftJoin = left.join(right, "id", JoinType.LEFT).sort("id").collect(ONE_THREAD);
        assertThat(leftJoin.column("r").toList()).containsExactly(null, "x", "y");
        assertThat(left.join(right, "id", JoinType.SEMI).collect(ONE_THREAD).height()).isEqualTo(2);
        assertThat(left.join(right, "id", JoinType.ANTI).collect(ONE_THREAD).column("l").toList())
                .containsExactly("a");
        assertThat(left.crossJoin(right).collect(ONE_THREAD).height()).isEqualTo(9);
        assertThat(left.crossJoin(right).collectSchema().names()).containsExactly("id", "l", "id_right", "r");
    }

    @Test
    void sortSliceHeadTailUnique() {
        LazyFrame data = frame("k", Arrays.asList(3, 1, null, 2, 1)).lazy();
        assertThat(data.sort("k").collect(ONE_THREAD).column("k").toList()).containsExactly(null, 1, 1, 2, 3);
        assertThat(data.sort(List.of(col("k")), SortOptions.defaults().withDescending(true).withNullsLast(true))
                .collect(ONE_THREAD).column("k").toList()).containsExactly(3, 2, 1, 1, null);
        assertThat(data.head(2).collect(ONE_THREAD).column("k").toList()).containsExactly(3, 1);
        assertThat(data.limit(0).collect(ONE_THREAD).height()).isZero();
        assertThat(data.tail(2).collect(ONE_THREAD).column("k").toList()).containsExactly(2, 1);
        assertThat(data.slice(1, 2).collect(ONE_THREAD).column("k").toList()).containsExactly(1, null);
        assertThat(data.unique(null, UniqueKeep.FIRST, true).collect(ONE_THREAD).column("k").toList())
                .containsExactly(3, 1, null, 2);
    }

    @Test
    void renameDropRowIndexConcat() {
        LazyFrame data = frame("a", List.of(1, 2), "b", List.of("x", "y")).lazy();
        assertThat(data.rename(Map.of("a", "z")).collectSchema().names()).containsExactly("z", "b");
        assertThat(data.drop("a").collect(ONE_THREAD).columns()).containsExactly("b");
        DataFrame indexed = data.withRowIndex("nr", 10).collect(ONE_THREAD);
        assertThat(indexed.column("nr").toList()).containsExactly(10L, 11L);
        assertThat(indexed.schema().field("nr").type()).isEqualTo(DataType.UINT32);
        assertThat(Floe.concat(data, data).collect(ONE_THREAD).column("a").toList()).containsExactly(1, 2, 1, 2);
    }

    @Test
    void emptyInputs() {
        DataFrame empty = DataFrame.builder().column("a", DataType.INT64, List.of()).build();
        assertThat(empty.lazy().filter(col("a").gt(1)).collect(ONE_THREAD).height()).isZero();
        assertThat(empty.lazy().groupBy("a").agg(Floe.len()).collect(ONE_THREAD).height()).isZero();
        DataFrame total = empty.lazy().select(col("a").sum(), Floe.len()).collect(ONE_THREAD);
        assertThat(total.height()).isEqualTo(1);
        assertThat(total.get(0, "len")).isEqualTo(0L);
    }

    @Test
    void groupByShorthands() {
        LazyFrame data = frame("g", List.of("a", "a", "b"), "v", List.of(1L, 2L, 5L)).lazy();
        DataFrame sums = data.groupByStable("g").sum().collect(ONE_THREAD);
        DataFrame.assertEquals(frame("g", List.of("a", "b"), "v", List.of(3L, 5L)), sums);
        assertThat(data.groupByStable("g").len().collect(ONE_THREAD).column("len").toList()).containsExactly(2L, 1L);
        assertThat(data.groupByStable("g").max().collect(ONE_THREAD).column("v").toList()).containsExactly(2L, 5L);
        assertThat(data.groupByStable("g").min().collect(ONE_THREAD).column("v").toList()).containsExactly(1L, 5L);
        assertThat(data.groupByStable("g").mean().collect(ONE_THREAD).column("v").toList()).containsExactly(1.5, 5.0);
        assertThat(data.groupByStable("g").count().collect(ONE_THREAD).column("v").toList()).containsExactly(2L, 1L);
        assertThat(data.select(all().exclude("g").max()).collect(ONE_THREAD).row(0)).containsExactly(5L);
    }

    @Test
    void literalsAloneAndWithColumns() {
        DataFrame result = frame("a", List.of(1, 2)).lazy().withColumns(lit(7).alias("seven"),
                col("a").cast(DataType.FLOAT64).alias("f")).collect(ONE_THREAD);
        assertThat(result.column("seven").toList()).containsExactly(7, 7);
        assertThat(result.column("f").toList()).containsExactly(1.0, 2.0);
    }
}
