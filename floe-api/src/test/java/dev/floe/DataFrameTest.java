package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFrameTest {
    private static DataFrame sample() {
        return DataFrame.builder().column("id", DataType.INT64, List.of(1L, 2L, 3L))
                .column("name", Arrays.asList("a", null, "c"))
                .column("score", Arrays.asList(0.5, 1.5, null)).build();
    }

    @Test
    void exposesShapeSchemaColumnsAndRows() {
        DataFrame frame = sample();
        assertThat(frame.height()).isEqualTo(3);
        assertThat(frame.width()).isEqualTo(3);
        assertThat(frame.columns()).containsExactly("id", "name", "score");
        assertThat(frame.schema()).isEqualTo(Schema.of(Field.of("id", DataType.INT64),
                Field.of("name", DataType.STRING), Field.of("score", DataType.FLOAT64)));
        assertThat(frame.row(1)).containsExactly(2L, null, 1.5);
        assertThat(frame.rows()).hasSize(3);
        assertThat(frame.get(2, "name")).isEqualTo("c");
        Series name = frame.column("name");
        assertThat(name.dtype()).isEqualTo(DataType.STRING);
        assertThat(name.nullCount()).isEqualTo(1);
        assertThat(name.toList()).containsExactly("a", null, "c");
        assertThat(frame.column(2).get(0)).isEqualTo(0.5);
        assertThat(frame.toMap().get("id")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void ofInfersTypesInMapOrder() {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("z", List.of(1, 2));
        columns.put("a", List.of("x", "y"));
        DataFrame frame = DataFrame.of(columns);
        assertThat(frame.schema().names()).containsExactly("z", "a");
        assertThat(frame.schema().field("z").type()).isEqualTo(DataType.INT32);
    }

    @Test
    void emptyFramesHaveNoRows() {
        DataFrame frame = DataFrame.empty(Schema.of(Field.of("a", DataType.INT64)));
        assertThat(frame.height()).isZero();
        assertThat(frame.rows()).isEmpty();
        assertThat(DataFrame.builder().build().width()).isZero();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> DataFrame.builder().column("a", List.of(1, 2)).column("b", List.of(1)))
                .isInstanceOfSatisfying(FloeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("'b'");
        assertThatThrownBy(() -> DataFrame.builder().column("a", List.of(1)).column("a", List.of(2)).build())
                .isInstanceOfSatisfying(FloeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN));
        assertThatThrownBy(() -> sample().row(3)).isInstanceOf(FloeException.class).hasMessageContaining("3 rows");
        assertThatThrownBy(() -> sample().column("nope")).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    }

    @Test
    void comparesWithToleranceAndOptionallyIgnoringRowOrder() {
        DataFrame left = DataFrame.builder().column("k", List.of("a", "b")).column("v", List.of(1.0, 2.0)).build();
        DataFrame close = DataFrame.builder().column("k", List.of("a", "b")).column("v", List.of(1.0, 2.0 + 1e-12))
                .build();
        DataFrame reordered = DataFrame.builder().column("k", List.of("b", "a")).column("v", List.of(2.0, 1.0))
                .build();
        assertThat(left.frameEquals(close, 1e-9, false)).isTrue();
        assertThat(left.frameEquals(close, 0, false)).isFalse();
        assertThat(left.frameEquals(reordered, 0, false)).isFalse();
        assertThat(left.frameEquals(reordered, 0, true)).isTrue();
        assertThat(left).isEqualTo(DataFrame.builder().column("k", List.of("a", "b")).column("v", List.of(1.0, 2.0))
                .build());
        DataFrame otherType = DataFrame.builder().column("k", List.of("a", "b")).column("v", List.of(1L, 2L)).build();
        assertThat(left.frameEquals(otherType, 1, true)).isFalse();
        assertThatThrownBy(() -> DataFrame.assertEquals(left, reordered)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("column 'k'");
        DataFrame.assertEquals(left, close, 1e-9, false);
    }

    @Test
    void nanEqualsNanAndNullOnlyNull() {
        DataFrame nan = DataFrame.builder().column("v", Arrays.asList(Double.NaN, null)).build();
        DataFrame same = DataFrame.builder().column("v", Arrays.asList(Double.NaN, null)).build();
        DataFrame zero = DataFrame.builder().column("v", Arrays.asList(Double.NaN, 0.0)).build();
        assertThat(nan.frameEquals(same, 0, false)).isTrue();
        assertThat(nan.frameEquals(zero, 1, false)).isFalse();
    }
}
