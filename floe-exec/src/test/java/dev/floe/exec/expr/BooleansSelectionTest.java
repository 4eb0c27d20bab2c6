package dev.floe.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.vector.BooleanVector;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BooleansSelectionTest {
    @Test
    void selectsTheTrueRowsInOrderInAnArrayOfExactlyThatLength() {
        assertThat(Booleans.selection(BooleanVector.of(false, true, true, false, true))).containsExactly(1, 2, 4);
        assertThat(Booleans.selection(BooleanVector.of(true, false, false))).containsExactly(0);
        assertThat(Booleans.selection(BooleanVector.of(false, false))).isEmpty();
        assertThat(Booleans.selection(BooleanVector.of(true, true, true))).containsExactly(0, 1, 2);
        assertThat(Booleans.selection(BooleanVector.of())).isEmpty();
    }

    @Test
    void nullRowsAreNotSelected() {
        // rows 0..4 true, true, false, true, true; rows 1 and 4 null (validity bits 1 and 4 cleared)
        BooleanVector mask = new BooleanVector(new boolean[] {true, true, false, true, true}, new long[] {0b01101}, 5);
        assertThat(Booleans.selection(mask)).containsExactly(0, 3);
    }

    @Test
    void randomMasksMatchAPlainFilter() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            boolean[] values = new boolean[random.nextInt(300)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(4) == 0;
            }
            int[] expected = IntStream.range(0, values.length).filter(i -> values[i]).toArray();
            assertThat(Booleans.selection(new BooleanVector(values, null, values.length))).containsExactly(expected);
        }
    }
}
