package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFramePrintTest {
    @Test
    void printsShapeHeaderTypesAndQuotedStrings() {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("a", Arrays.asList(1, 2, null));
        columns.put("b", Arrays.asList("x", "yy", null));
        columns.put("c", Arrays.asList(1.5, 2.0, null));
        assertThat(DataFrame.of(columns).toString()).isEqualTo("""
                shape: (3, 3)
                ┌──────┬──────┬──────┐
                │ a    ┆ b    ┆ c    │
                │ ---  ┆ ---  ┆ ---  │
                │ i32  ┆ str  ┆ f64  │
                ╞══════╪══════╪══════╡
                │ 1    ┆ "x"  ┆ 1.5  │
                │ 2    ┆ "yy" ┆ 2.0  │
                │ null ┆ null ┆ null │
                └──────┴──────┴──────┘""");
    }

    @Test
    void elidesTheMiddleOfLongFrames() {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < 12; i++) {
            values.add(i * 100);
        }
        DataFrame frame = DataFrame.builder().column("value", DataType.INT64, values).build();
        assertThat(frame.toString()).isEqualTo("""
                shape: (12, 1)
                ┌───────┐
                │ value │
                │ ---   │
                │ i64   │
                ╞═══════╡
                │ 0     │
                │ 100   │
                │ 200   │
                │ 300   │
                │ 400   │
                │ …     │
                │ 700   │
                │ 800   │
                │ 900   │
                │ 1000  │
                │ 1100  │
                └───────┘""");
    }

    @Test
    void elidesTheMiddleOfWideFrames() {
        DataFrame.Builder builder = DataFrame.builder();
        for (int i = 0; i < 9; i++) {
            builder.column("c" + i, List.of(i));
        }
        assertThat(builder.build().toString()).isEqualTo("""
                shape: (1, 9)
                ┌─────┬─────┬─────┬─────┬───┬─────┬─────┬─────┬─────┐
                │ c0  ┆ c1  ┆ c2  ┆ c3  ┆ … ┆ c5  ┆ c6  ┆ c7  ┆ c8  │
                │ --- ┆ --- ┆ --- ┆ --- ┆   ┆ --- ┆ --- ┆ --- ┆ --- │
                │ i32 ┆ i32 ┆ i32 ┆ i32 ┆   ┆ i32 ┆ i32 ┆ i32 ┆ i32 │
                ╞═════╪═════╪═════╪═════╪═══╪═════╪═════╪═════╪═════╡
                │ 0   ┆ 1   ┆ 2   ┆ 3   ┆ … ┆ 5   ┆ 6   ┆ 7   ┆ 8   │
                └─────┴─────┴─────┴─────┴───┴─────┴─────┴─────┴─────┘""");
    }

    @Test
    void printsEmptyFramesWithTheirTypes() {
        DataFrame frame = DataFrame.builder().column("d", DataType.DATE, List.of())
                .column("flag", DataType.BOOLEAN, List.of()).build();
        assertThat(frame.toString()).isEqualTo("""
                shape: (0, 2)
                ┌──────┬──────┐
                │ d    ┆ flag │
                │ ---  ┆ ---  │
                │ date ┆ bool │
                ╞══════╪══════╡
                └──────┴──────┘""");
    }

    @Test
    void printsFramesWithoutColumns() {
        assertThat(DataFrame.builder().build().toString()).isEqualTo("shape: (0, 0)\n┌┐\n╞╡\n└┘");
    }

    @Test
    void printsTemporalAndBooleanValues() {
        DataFrame frame = DataFrame.builder()
                .column("d", List.of(LocalDate.of(1995, 3, 15)))
                .column("t", List.of(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000)))
                .column("b", List.of(true)).build();
        assertThat(frame.toString()).isEqualTo("""
                shape: (1, 3)
                ┌────────────┬─────────────────────────┬──────┐
                │ d          ┆ t                       ┆ b    │
                │ ---        ┆ ---                     ┆ ---  │
                │ date       ┆ datetime[μs]            ┆ bool │
                ╞════════════╪═════════════════════════╪══════╡
                │ 1995-03-15 ┆ 2020-01-02 03:04:05.500 ┆ true │
                └────────────┴─────────────────────────┴──────┘""");
    }

    @Test
    void formatsFloatsAsPolars() {
        assertThat(CellFormat.formatFloat(1.0)).isEqualTo("1.0");
        assertThat(CellFormat.formatFloat(-3.0)).isEqualTo("-3.0");
        assertThat(CellFormat.formatFloat(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(CellFormat.formatFloat(2.5)).isEqualTo("2.5");
        assertThat(CellFormat.formatFloat(1234.5678)).isEqualTo("1234.5678");
        assertThat(CellFormat.formatFloat(1.23456789e10)).isEqualTo("1.2346e10");
        assertThat(CellFormat.formatFloat(1.5e-7)).isEqualTo("1.5000e-7");
        assertThat(CellFormat.formatFloat(1e10)).isEqualTo("1.0000e10");
        assertThat(CellFormat.formatFloat(Double.NaN)).isEqualTo("NaN");
        assertThat(CellFormat.formatFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void cutsLongStrings() {
        String longText = "abcdefghijklmnopqrstuvwxyz0123456789";
        assertThat(CellFormat.format(longText)).isEqualTo("\"abcdefghijklmnopqrstuvwxyz012345…\"");
    }
}
