package dev.floe.plan.resolve;

import static dev.floe.plan.resolve.Dsl.add;
import static dev.floe.plan.resolve.Dsl.col;
import static dev.floe.plan.resolve.Dsl.fn;
import static dev.floe.plan.resolve.Dsl.lit;
import static dev.floe.plan.resolve.Dsl.select;
import static dev.floe.plan.resolve.Dsl.sum;
import static dev.floe.plan.resolve.Dsl.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.JoinType;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ResolverErrorsTest {
    private static final Schema SMALL = Schema.of(Field.of("k", DataType.STRING), Field.of("a", DataType.INT32),
            Field.of("s", DataType.STRING));

    private final Resolver resolver = new Resolver(source -> SMALL);

    private AbstractThrowableAssert<?, ?> fails(DslPlan plan, ErrorCode code) {
        return assertThatThrownBy(() -> resolver.resolve(plan)).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void unknownColumnListsTheColumnsThatExist() {
        fails(select(table(SMALL), col("nope")), ErrorCode.COLUMN_NOT_FOUND)
                .hasMessageContaining("'nope'").hasMessageContaining("[k, a, s]");
        fails(new DslPlan.Drop(table(SMALL), List.of("zz")), ErrorCode.COLUMN_NOT_FOUND);
        fails(new DslPlan.Rename(table(SMALL), Map.of("zz", "y")), ErrorCode.COLUMN_NOT_FOUND);
        fails(new DslPlan.Unique(table(SMALL), List.of("zz"), dev.floe.plan.logical.UniqueKeep.ANY, false),
                ErrorCode.COLUMN_NOT_FOUND);
        fails(select(table(SMALL), new Expr.Columns(List.of("a", "zz"))), ErrorCode.COLUMN_NOT_FOUND);
    }

    @Test
    void arithmeticOnStringsIsATypeMismatchNamingTheExpressionAndTypes() {
        fails(select(table(SMALL), add(col("s"), lit(1))), ErrorCode.TYPE_MISMATCH)
                .hasMessageContaining("[(col(\"s\")) + (dyn int: 1)]").hasMessageContaining("String")
                .hasMessageContaining("Int32");
        fails(select(table(SMALL), new Expr.Binary(BinaryOperator.LESS, col("a"), col("s"))),
                ErrorCode.TYPE_MISMATCH);
        fails(select(table(SMALL), new Expr.Binary(BinaryOperator.AND, col("a"), col("a"))), ErrorCode.TYPE_MISMATCH)
                .hasMessageContaining("Boolean");
        fails(select(table(SMALL), fn(new ScalarFunction.StrLenChars(), col("a"))), ErrorCode.TYPE_MISMATCH)
                .hasMessageContaining("String input, got Int32");
        fails(select(table(SMALL), fn(new ScalarFunction.Year(), col("s"))), ErrorCode.TYPE_MISMATCH);
        fails(select(table(SMALL), sum(col("s"))), ErrorCode.TYPE_MISMATCH).hasMessageContaining("numeric");
        fails(select(table(SMALL), fn(new ScalarFunction.IsIn(List.of("x")), col("a"))), ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void duplicateOutputNames() {
        fails(select(table(SMALL), col("a"), add(col("a"), lit(1))), ErrorCode.DUPLICATE_COLUMN)
                .hasMessageContaining("'a'").hasMessageContaining("alias");
        fails(new DslPlan.WithColumns(table(SMALL), List.of(col("a"), col("a"))), ErrorCode.DUPLICATE_COLUMN);
        fails(new DslPlan.GroupBy(table(SMALL), List.of(col("k")), List.of(new Expr.Aggregation(
                new dev.floe.plan.function.AggregateFunction.First(), col("k"))), false), ErrorCode.DUPLICATE_COLUMN);
        fails(new DslPlan.WithRowIndex(table(SMALL), "a", 0), ErrorCode.DUPLICATE_COLUMN);
        fails(new DslPlan.Rename(table(SMALL), Map.of("a", "k")), ErrorCode.DUPLICATE_COLUMN);
    }

    @Test
    void aggregationsOutsideTheirContext() {
        fails(new DslPlan.Sort(table(SMALL), List.of(sum(col("a"))), List.of(false), List.of(false), false),
                ErrorCode.INVALID_PLAN);
        fails(new DslPlan.GroupBy(table(SMALL), List.of(col("k")), List.of(col("a")), false), ErrorCode.INVALID_PLAN)
                .hasMessageContaining("col(\"a\")").hasMessageContaining("sum");
        fails(select(table(SMALL), sum(sum(col("a")))), ErrorCode.INVALID_PLAN).hasMessageContaining("nested");
        fails(select(table(SMALL), new Expr.Window(col("a"), List.of(col("k")))), ErrorCode.INVALID_PLAN)
                .hasMessageContaining("over()");
    }

    @Test
    void uniqueOnlyAsAWholeSelectExpression() {
        fails(new DslPlan.WithColumns(table(SMALL), List.of(new Expr.Unique(col("a")))), ErrorCode.INVALID_PLAN)
                .hasMessageContaining("unique()").hasMessageContaining("select");
        fails(select(table(SMALL), new Expr.Unique(col("a")), col("k")), ErrorCode.INVALID_PLAN)
                .hasMessageContaining("unique()");
    }

    @Test
    void filterPredicatesMustBeBoolean() {
        fails(new DslPlan.Filter(table(SMALL), col("a")), ErrorCode.TYPE_MISMATCH)
                .hasMessageContaining("col(\"a\")").hasMessageContaining("Int32").hasMessageContaining("Boolean");
    }

    @Test
    void joinKeysWithoutACommonType() {
        fails(new DslPlan.Join(table(SMALL), table(SMALL), List.of(col("a")), List.of(col("s")), JoinType.INNER,
                "_right"), ErrorCode.TYPE_MISMATCH).hasMessageContaining("Int32").hasMessageContaining("String");
    }

    @Test
    void concatOfDifferentSchemas() {
        fails(new DslPlan.Concat(List.of(table(SMALL), select(table(SMALL), col("a")))), ErrorCode.SCHEMA_MISMATCH);
    }

    @Test
    void badDateStrings() {
        Schema dates = Schema.of(Field.of("d", DataType.DATE));
        fails(select(table(dates), new Expr.Binary(BinaryOperator.LESS, col("d"), lit("not a date"))),
                ErrorCode.TYPE_MISMATCH).hasMessageContaining("not a date");
    }
}
