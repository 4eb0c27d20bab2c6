package dev.floe.exec.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value ranges over all states cut integer keys into partitions that keep their order and cover the span. */
class KeyRangeTest {
    @Test
    void spansAllStatesAndCutsIntoOrderedEqualRanges() {
        KeyRange range = KeyRange.of(List.of(List.of(LongVector.of(DataType.INT64, 10, 99, 50)),
                List.of(LongVector.of(DataType.INT64, 0, 7))));
        assertThat(range).isEqualTo(new KeyRange(0, 99));
        int[] partitions = range.partitionsOf(LongVector.of(DataType.INT64, 0, 24, 25, 50, 74, 75, 99), 7, 4);
        assertThat(partitions).containsExactly(0, 0, 1, 2, 2, 3, 3);
    }

    @Test
    void extremeValuesStayInRange() {
        KeyRange range = KeyRange.of(List.of(List.of(LongVector.of(DataType.INT64, -5, Long.MAX_VALUE - 6))));
        assertThat(range.partitionsOf(LongVector.of(DataType.INT64, -5, Long.MAX_VALUE - 6), 2, 256))
                .containsExactly(0, 255);
    }

    @Test
    void onlyForOneIntegerKeyWhoseSpanFits() {
        Vector strings = Vectors.fromObjects(DataType.STRING, List.of("a"));
        assertThat(KeyRange.of(List.of(List.of(strings)))).isNull();
        assertThat(KeyRange.of(List.of(List.of(LongVector.of(DataType.INT64, 1), LongVector.of(DataType.INT64, 2)))))
                .isNull();
        assertThat(KeyRange.of(List.of(List.of(LongVector.of(DataType.INT64, Long.MIN_VALUE, Long.MAX_VALUE)))))
                .isNull();
    }
}
