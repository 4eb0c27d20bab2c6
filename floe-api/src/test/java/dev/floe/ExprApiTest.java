package dev.floe;

import static dev.floe.Floe.all;
import static dev.floe.Floe.col;
import static dev.floe.Floe.date;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.QuantileMethod;
import org.junit.jupiter.api.Test;

class ExprApiTest {
    @Test
    void operatorsPrintLikePolars() {
        assertThat(col("a").add(1)).hasToString("[(col(\"a\")) + (dyn int: 1)]");
        assertThat(col("a").sub(col("b")).mul(2.5)).hasToString("[([(col(\"a\")) - (col(\"b\"))]) * (dyn float: 2.5)]");
        assertThat(col("a").div(2)).hasToString("[(col(\"a\")) / (dyn int: 2)]");
        assertThat(col("a").floorDiv(2)).hasToString("[(col(\"a\")) // (dyn int: 2)]");
        assertThat(col("a").mod(2)).hasToString("[(col(\"a\")) % (dyn int: 2)]");
        assertThat(col("a").pow(2)).hasToString("col(\"a\").pow(dyn int: 2)");
        assertThat(col("a").neg()).hasToString("col(\"a\").neg()");
        assertThat(col("a").eq(1)).hasToString("[(col(\"a\")) == (dyn int: 1)]");
        assertThat(col("a").ne(1)).isEqualTo(col("a").neq(1));
        assertThat(col("a").le(1)).isEqualTo(col("a").ltEq(1));
        assertThat(col("a").ge(1)).isEqualTo(col("a").gtEq(1));
        assertThat(col("a").lt(1)).hasToString("[(col(\"a\")) < (dyn int: 1)]");
        assertThat(col("a").gt("x")).hasToString("[(col(\"a\")) > (\"x\")]");
        assertThat(col("p").and(col("q")).or(col("r").not()).xor(true))
                .hasToString("[([([(col(\"p\")) & (col(\"q\"))]) | (col(\"r\").not())]) ^ (true)]");
    }

    @Test
    void functionsAndAggregationsPrintLikePolars() {
        assertThat(col("a").isNull()).hasToString("col(\"a\").is_null()");
        assertThat(col("a").isNotNull()).hasToString("col(\"a\").is_not_null()");
        assertThat(col("a").fillNull(0)).hasToString("col(\"a\").fill_null(dyn int: 0)");
        assertThat(col("a").isIn(1, 2, 3)).hasToString("col(\"a\").is_in([1, 2, 3])");
        assertThat(col("a").isIn(java.util.List.of("x"))).hasToString("col(\"a\").is_in([\"x\"])");
        assertThat(col("a").isBetween(1, 5)).hasToString(
                "col(\"a\").is_between(dyn int: 1, dyn int: 5, closed=\"both\")");
        assertThat(col("a").isBetween(1, 5, ClosedInterval.LEFT).toString()).endsWith("closed=\"left\")");
        assertThat(col("a").cast(DataType.INT64)).hasToString("col(\"a\").strict_cast(Int64)");
        assertThat(col("a").cast(DataType.INT64, false)).hasToString("col(\"a\").cast(Int64)");
        assertThat(col("a").round(2).abs().sqrt()).hasToString("col(\"a\").round(2).abs().sqrt()");
        assertThat(col("a").sum().alias("total")).hasToString("col(\"a\").sum().alias(\"total\")");
        assertThat(col("a").std()).hasToString("col(\"a\").std(ddof=1)");
        assertThat(col("a").var(0)).hasToString("col(\"a\").var(ddof=0)");
        assertThat(col("a").quantile(0.5, QuantileMethod.LINEAR))
                .hasToString("col(\"a\").quantile(0.5, interpolation=\"linear\")");
        assertThat(col("a").quantile(0.1)).hasToString("col(\"a\").quantile(0.1, interpolation=\"nearest\")");
        for (Expr aggregate : new Expr[] {col("a").mean(), col("a").min(), col("a").max(), col("a").count(),
                col("a").len(), col("a").nUnique(), col("a").first(), col("a").last(), col("a").median()}) {
            assertThat(aggregate.toString()).startsWith("col(\"a\").").endsWith("()");
        }
        assertThat(col("a").sum().over("g", "h")).hasToString("col(\"a\").sum().over([col(\"g\"), col(\"h\")])");
        assertThat(Floe.len()).hasToString("len()");
    }

    @Test
    void stringAndTemporalNamespaces() {
        assertThat(col("s").str().contains("a+")).hasToString("col(\"s\").str.contains(\"a+\", literal=false)");
        assertThat(col("s").str().contains(".", true)).hasToString("col(\"s\").str.contains(\".\", literal=true)");
        assertThat(col("s").str().startsWith("x")).hasToString("col(\"s\").str.starts_with(\"x\")");
        assertThat(col("s").str().endsWith("x")).hasToString("col(\"s\").str.ends_with(\"x\")");
        assertThat(col("s").str().slice(1, 2)).hasToString("col(\"s\").str.slice(1, 2)");
        assertThat(col("s").str().slice(-1)).hasToString("col(\"s\").str.slice(-1, null)");
        assertThat(col("s").str().lenChars()).hasToString("col(\"s\").str.len_chars()");
        assertThat(col("s").str().toUppercase()).hasToString("col(\"s\").str.to_uppercase()");
        assertThat(col("s").str().toLowercase()).hasToString("col(\"s\").str.to_lowercase()");
        assertThat(col("s").str().replace("a", "b")).hasToString("col(\"s\").str.replace(\"a\", \"b\", literal=false)");
        assertThat(col("s").str().replaceAll("a", "b", true))
                .hasToString("col(\"s\").str.replace_all(\"a\", \"b\", literal=true)");
        assertThat(col("d").dt().year()).hasToString("col(\"d\").dt.year()");
        assertThat(col("d").dt().month()).hasToString("col(\"d\").dt.month()");
        assertThat(col("d").dt().day()).hasToString("col(\"d\").dt.day()");
        assertThat(col("d").dt().weekday()).hasToString("col(\"d\").dt.weekday()");
        assertThat(col("d").dt().quarter()).hasToString("col(\"d\").dt.quarter()");
        assertThat(col("d").dt().ordinalDay()).hasToString("col(\"d\").dt.ordinal_day()");
    }

    @Test
    void entryPoints() {
        assertThat(Floe.col("a", "b")).hasToString("cols([\"a\", \"b\"])");
        assertThat(Floe.col(new String[] {"a"})).isEqualTo(col("a"));
        assertThat(all().exclude("b")).hasToString("all().exclude([\"b\"])");
        assertThat(lit(null)).hasToString("null");
        assertThat(lit(5, DataType.INT64)).hasToString("dyn int: 5");
        assertThat(date(1995, 3, 15)).hasToString("1995-03-15");
        assertThat(when(col("a").gt(1)).then("big").when(col("a").gt(0)).then("small").otherwise("none"))
                .hasToString("when([(col(\"a\")) > (dyn int: 1)]).then(\"big\").when([(col(\"a\")) > (dyn int: 0)])"
                        + ".then(\"small\").otherwise(\"none\")");
        assertThat(when(col("p")).then(1).end()).hasToString("when(col(\"p\")).then(dyn int: 1).otherwise(null)");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> date(2023, 2, 30)).isInstanceOf(FloeException.class).hasMessageContaining("2023-2-30");
        assertThatThrownBy(() -> col("a").exclude("b")).isInstanceOf(FloeException.class)
                .hasMessageContaining("all()");
        assertThatThrownBy(() -> col("a").round(-1)).isInstanceOf(FloeException.class);
        assertThatThrownBy(() -> col("a").std(-1)).isInstanceOf(FloeException.class);
        assertThatThrownBy(() -> col("a").quantile(1.5)).isInstanceOf(FloeException.class)
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> col("a").sum().over(new String[0])).isInstanceOf(FloeException.class);
        assertThatThrownBy(() -> Floe.scanParquet(" ")).isInstanceOf(FloeException.class);
    }
}
