package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdshAnswersTest {
    private final PdshAnswers answers = PdshAnswers.fromClasspath(0.1);

    /** The expected answer with numbers, dates and nulls turned into the Java values an engine would return. */
    private static ResultTable typed(ResultTable answer) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : answer.rows()) {
            List<Object> converted = new ArrayList<>();
            for (Object value : row) {
                converted.add(toJava((String) value));
            }
            rows.add(converted);
        }
        return new ResultTable(answer.columns(), rows);
    }

    private static Object toJava(String text) {
        if (text == null) {
            return null;
        }
        if (text.matches("-?\\d+")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(text);
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text);
        }
        return text;
    }

    private static ResultTable withCell(ResultTable table, int row, int column, Object value) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> original : table.rows()) {
            rows.add(new ArrayList<>(original));
        }
        rows.get(row).set(column, value);
        return new ResultTable(table.columns(), rows);
    }

    private static ResultTable swapped(ResultTable table, int first, int second) {
        List<List<Object>> rows = new ArrayList<>(table.rows());
        List<Object> kept = rows.get(first);
        rows.set(first, rows.get(second));
        rows.set(second, kept);
        return new ResultTable(table.columns(), rows);
    }

    @Test
    void acceptsEveryAnswerAsJavaValues() {
        for (PdshQuery query : PdshQuery.all()) {
            ResultTable expected = answers.expected(query.number());
            assertThat(expected.rowCount()).as("q" + query.number()).isPositive();
            ResultComparison comparison = answers.compare(query.number(), typed(expected));
            assertThat(comparison.matches()).as(comparison.report()).isTrue();
        }
    }

    @Test
    void acceptsAResultWrittenAsCsv(@TempDir Path directory) {
        Path file = directory.resolve("q03.csv");
        typed(answers.expected(3)).writeCsv(file);
        assertThat(answers.compare(3, file).matches()).isTrue();
        assertThat(answers.compare(2, ResultTable.readCsv(file)).matches()).isFalse();
    }

    @Test
    void csvRoundTripKeepsQuotedFields() throws Exception {
        ResultTable table = new ResultTable(List.of("a", "b"),
                List.of(List.of("x, \"y\"", 1L), java.util.Arrays.asList(null, 2.5)));
        ResultTable read = AnswerCsv.read(new java.io.StringReader(table.toCsv()), "text");
        assertThat(read.rows().get(0)).containsExactly("x, \"y\"", "1");
        assertThat(read.rows().get(1)).containsExactly(null, "2.5");
    }

    @Test
    void acceptsRowsThatTieOnTheOrderByKeysInAnotherOrder() {
        // Give q18's first two rows the same ORDER BY keys (o_totalprice, o_orderdat): then either order is right.
        ResultTable answer = typed(answers.expected(18));
        int price = answer.columns().indexOf("o_totalprice");
        int date = answer.columns().indexOf("o_orderdat");
        ResultTable tied = withCell(withCell(answer, 1, price, answer.rows().get(0).get(price)), 1, date,
                answer.rows().get(0).get(date));
        assertThat(PdshAnswersTest.compare(18, tied, swapped(tied, 0, 1)).matches()).isTrue();
        ResultComparison untied = answers.compare(18, swapped(answer, 0, 1));
        assertThat(untied.matches()).isFalse();
        assertThat(untied.report()).contains("row 1");
    }

    @Test
    void acceptsRowsOfTheWholeResultInAnyOrderWhenTheQueryHasNoOrderBy() {
        ResultTable table = new ResultTable(List.of("revenue"), List.of(List.of(1.0), List.of(2.0)));
        assertThat(compare(6, table, swapped(table, 0, 1)).matches()).isTrue();
    }

    private static ResultComparison compare(int query, ResultTable expected, ResultTable actual) {
        return ResultComparison.compare(PdshQuery.of(query), expected, actual);
    }

    @Test
    void acceptsACentOffOnRoundedColumnsOnly() {
        ResultTable answer = typed(answers.expected(14));
        double value = (Double) answer.rows().getFirst().getFirst();
        assertThat(value).isLessThan(100);
        assertThat(answers.compare(14, withCell(answer, 0, 0, value + 0.01)).matches()).isTrue();
        assertThat(answers.compare(14, withCell(answer, 0, 0, value - 0.01)).matches()).isTrue();
        assertThat(answers.compare(14, withCell(answer, 0, 0, value + 0.02)).matches()).isFalse();

        ResultTable q1 = typed(answers.expected(1));
        int unrounded = q1.columns().indexOf("avg_disc");
        double discount = (Double) q1.rows().get(1).get(unrounded);
        assertThat(answers.compare(1, withCell(q1, 1, unrounded, discount * (1 + 1e-8))).matches()).isTrue();
        assertThat(answers.compare(1, withCell(q1, 1, unrounded, discount * (1 + 1e-5))).matches()).isFalse();
        assertThat(answers.compare(1, withCell(q1, 1, unrounded, discount + 0.01)).report())
                .contains("row 2, column 'avg_disc'");
    }

    @Test
    void rejectsAWrongValueNamingRowColumnAndValues() {
        ResultTable answer = typed(answers.expected(1));
        int count = answer.columns().indexOf("count_order");
        long value = (Long) answer.rows().get(2).get(count);
        ResultComparison comparison = answers.compare(1, withCell(answer, 2, count, value + 1));
        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.report()).contains("q1", "row 3", "column 'count_order'",
                "expected '" + value + "'", "actual '" + (value + 1) + "'");
    }

    @Test
    void rejectsAWrongStringDateOrNull() {
        ResultTable answer = typed(answers.expected(3));
        int date = answer.columns().indexOf("o_orderdate");
        LocalDate day = (LocalDate) answer.rows().get(0).get(date);
        assertThat(answers.compare(3, withCell(answer, 0, date, day.toString())).matches()).isTrue();
        assertThat(answers.compare(3, withCell(answer, 0, date, day.plusDays(1))).report())
                .contains("column 'o_orderdate'");
        assertThat(answers.compare(3, withCell(answer, 0, date, null)).report()).contains("actual null");
        ResultTable q2 = typed(answers.expected(2));
        assertThat(answers.compare(2, withCell(q2, 0, 1, "Supplier#999")).report())
                .contains("column 's_name'", "Supplier#999");
    }

    @Test
    void rejectsAMissingRowShowingIt() {
        ResultTable answer = typed(answers.expected(4));
        List<List<Object>> rows = new ArrayList<>(answer.rows());
        List<Object> removed = rows.remove(2);
        ResultComparison comparison = answers.compare(4, new ResultTable(answer.columns(), rows));
        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.report()).contains("expected 5 rows, actual 4", "expected row 3",
                "'" + removed.getFirst() + "'", "missing");
    }

    @Test
    void rejectsAWrongColumnName() {
        ResultTable answer = typed(answers.expected(5));
        ResultTable renamed = new ResultTable(List.of("n_name", "sum_revenue"), answer.rows());
        ResultComparison comparison = answers.compare(5, renamed);
        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.report()).contains("columns differ", "[n_name, revenue]", "[n_name, sum_revenue]");
    }

    @Test
    void everyQueryKnowsItsOrderByKeysAmongItsAnswersColumns() {
        for (PdshQuery query : PdshQuery.all()) {
            List<String> columns = answers.expected(query.number()).columns();
            assertThat(columns).as("q" + query.number()).containsAll(query.orderByColumns())
                    .containsAll(query.roundedColumns());
        }
        assertThat(PdshAnswers.fromClasspath(1).expected(1).rowCount()).isEqualTo(4);
    }

    @Test
    void reportsMissingAnswers(@TempDir Path directory) throws Exception {
        assertThatThrownBy(() -> PdshAnswers.fromClasspath(7)).isInstanceOf(FloeException.class)
                .hasMessageContaining("0.1 and 1");
        Files.writeString(directory.resolve("q01.csv"), "a,b\n1\n");
        assertThatThrownBy(() -> PdshAnswers.fromDirectory(directory).expected(1)).isInstanceOf(FloeException.class)
                .hasMessageContaining("line 2 has 1 fields");
        assertThatThrownBy(() -> PdshAnswers.fromDirectory(directory).expected(2)).isInstanceOf(FloeException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void comparesFloeBatches() {
        dev.floe.core.types.Schema schema = dev.floe.core.types.Schema.of(
                dev.floe.core.types.Field.of("o_orderpriority", dev.floe.core.types.DataType.STRING),
                dev.floe.core.types.Field.of("order_count", dev.floe.core.types.DataType.INT64));
        ResultTable expected = answers.expected(4);
        String[] priorities = new String[expected.rowCount()];
        long[] counts = new long[expected.rowCount()];
        for (int row = 0; row < priorities.length; row++) {
            priorities[row] = (String) expected.rows().get(row).get(0);
            counts[row] = Long.parseLong((String) expected.rows().get(row).get(1));
        }
        var first = new dev.floe.core.vector.Batch(schema, List.of(
                dev.floe.core.vector.BytesVector.ofStrings(priorities),
                dev.floe.core.vector.LongVector.of(dev.floe.core.types.DataType.INT64, counts)));
        ResultTable actual = ResultTable.fromBatches(schema, List.of(first.slice(0, 2), first.slice(2, 3)));
        assertThat(actual.rows().getFirst()).containsExactly("1-URGENT", counts[0]);
        assertThat(answers.compare(4, actual).matches()).isTrue();
        long[] wrongCounts = counts.clone();
        wrongCounts[4]++;
        var wrong = new dev.floe.core.vector.Batch(schema, List.of(
                dev.floe.core.vector.BytesVector.ofStrings(priorities),
                dev.floe.core.vector.LongVector.of(dev.floe.core.types.DataType.INT64, wrongCounts)));
        assertThat(answers.compare(4, ResultTable.fromBatches(schema, List.of(wrong))).report())
                .contains("row 5, column 'order_count'");
    }
}
