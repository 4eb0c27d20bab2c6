package dev.floe.exec.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import org.junit.jupiter.api.Test;

class MeanAccumulatorTest {
    @Test
    void meanPerGroupSkipsNullsAndAnAllNullGroupIsNull() {
        MeanAccumulator mean = new MeanAccumulator(DataType.FLOAT64);
        long[] validity = Bitmap.allSet(5);
        Bitmap.clear(validity, 3);
        Bitmap.clear(validity, 4);
        mean.update(new int[] {0, 1, 0, 1, 2}, 3,
                new DoubleVector(DataType.FLOAT64, new double[] {1, 10, 2, 99, 7}, validity, 5), 0);
        Vector out = mean.finish(3);
        assertThat(out.getObject(0)).isEqualTo(1.5);
        assertThat(out.getObject(1)).isEqualTo(10.0);
        assertThat(out.getObject(2)).isNull();
    }

    @Test
    void integerInputsAndMergedPartialStates() {
        MeanAccumulator left = new MeanAccumulator(DataType.FLOAT64);
        left.update(new int[] {0, 0, 1}, 2, LongVector.of(DataType.INT64, 1, 2, 4), 0);
        MeanAccumulator right = new MeanAccumulator(DataType.FLOAT64);
        right.update(new int[] {0, 1, 2}, 3, LongVector.of(DataType.INT64, 8, 6, 3), 3);
        // right's group 0 is left's group 1, its 1 is left's 0, its 2 is new (left's 2)
        left.merge(right, new int[] {0, 1, 2}, new int[] {1, 0, 2}, 3, 3);
        Vector out = left.finish(3);
        assertThat(out.getObject(0)).isEqualTo((1 + 2 + 6) / 3.0);
        assertThat(out.getObject(1)).isEqualTo((4 + 8) / 2.0);
        assertThat(out.getObject(2)).isEqualTo(3.0);
    }
}
