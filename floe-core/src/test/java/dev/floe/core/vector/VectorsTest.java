package dev.floe.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorsTest {
    private static List<Object> objects(Vector vector) {
        Object[] out = new Object[vector.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector.getObject(i);
        }
        return Arrays.asList(out);
    }

    @Test
    void takeGathersRowsAndMinusOneIsNull() {
        Vector v = Vectors.fromObjects(DataType.INT64, Arrays.asList(10L, null, 30L));
        assertThat(objects(v.take(new int[] {2, -1, 0, 1}, 4))).containsExactly(30L, null, 10L, null);
    }

    @Test
    void stringsRoundTripAndSlice() {
        BytesVector v = BytesVector.ofStrings("a", null, "ünï", "");
        assertThat(objects(v)).containsExactly("a", null, "ünï", "");
        assertThat(objects(v.slice(1, 2))).containsExactly(null, "ünï");
        assertThat(objects(v.take(new int[] {2, 2}, 2))).containsExactly("ünï", "ünï");
    }

    @Test
    void concatenatesEveryKind() {
        Vector a = Vectors.fromObjects(DataType.STRING, Arrays.asList("x", null));
        Vector b = Vectors.fromObjects(DataType.STRING, List.of("yz"));
        assertThat(objects(Vectors.concat(DataType.STRING, List.of(a, b)))).containsExactly("x", null, "yz");

        DataType listType = DataType.list(DataType.INT32);
        Vector l1 = Vectors.fromObjects(listType, Arrays.asList(List.of(1, 2), null));
        Vector l2 = Vectors.fromObjects(listType, List.of(List.of(3)));
        assertThat(objects(Vectors.concat(listType, List.of(l1.slice(1, 1), l2, l1))))
                .containsExactly(null, List.of(3), List.of(1, 2), null);

        Vector d1 = Vectors.fromObjects(DataType.DATE, List.of(LocalDate.of(2024, 2, 29)));
        assertThat(objects(Vectors.concat(DataType.DATE, List.of(d1, d1)))).containsExactly(
                LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29));
    }

    @Test
    void nullsOfEveryTypeAreNull() {
        Vector v = Vectors.nulls(DataType.struct(List.of(dev.floe.core.types.Field.of("a", DataType.INT8))), 3);
        assertThat(v.nullCount()).isEqualTo(3);
        assertThat(objects(v)).containsExactly(null, null, null);
    }

    @Test
    void wideDecimalsKeepEveryDigit() {
        DataType type = DataType.decimal(38, 10);
        BigDecimal big = new BigDecimal("-9999999999999999999999999999.9999999999");
        Vector v = Vectors.fromObjects(type, Arrays.asList(big, null, new BigDecimal("0.0000000001")));
        assertThat(v).isInstanceOf(Int128Vector.class);
        assertThat(objects(v)).containsExactly(big, null, new BigDecimal("0.0000000001"));
    }

    @Test
    void unsigned64ValuesRoundTripThroughJavaObjects() {
        BigInteger max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        BigInteger half = BigInteger.TWO.pow(63);
        Vector v = Vectors.fromObjects(DataType.UINT64, Arrays.asList(max, null, 7L, half, Long.MAX_VALUE));
        assertThat(((LongVector) v).get(0)).isEqualTo(-1L);
        assertThat(objects(v)).containsExactly(max, null, 7L, half, Long.MAX_VALUE);
        assertThat(String.valueOf(v.getObject(0))).isEqualTo("18446744073709551615");
        assertThat(objects(Vectors.fromObjects(DataType.UINT64, objects(v)))).isEqualTo(objects(v));
    }

    @Test
    void unsigned64RefusesNegativeAndTooLargeValues() {
        assertThatThrownBy(() -> Vectors.fromObjects(DataType.UINT64, List.of(-1L)))
                .isInstanceOf(FloeException.class).hasMessageContaining("18446744073709551615");
        assertThatThrownBy(() -> Vectors.fromObjects(DataType.UINT64, List.of(BigInteger.TWO.pow(64))))
                .isInstanceOf(FloeException.class).hasMessageContaining("UInt64");
        assertThatThrownBy(() -> Vectors.fromObjects(DataType.UINT64, List.of(BigInteger.valueOf(-1))))
                .isInstanceOf(FloeException.class).hasMessageContaining("UInt64");
    }

    @Test
    void structsBecomeOrderedMaps() {
        DataType type = ObjectConverter.inferType(List.of(Map.of("a", 1L)));
        Vector v = Vectors.fromObjects(type, List.of(Map.of("a", 1L)));
        assertThat(v.getObject(0)).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void bitmapCountsAndSlices() {
        long[] bits = Bitmap.allSet(130);
        Bitmap.clear(bits, 0);
        Bitmap.clear(bits, 129);
        assertThat(Bitmap.nullCount(bits, 130)).isEqualTo(2);
        long[] sliced = Bitmap.slice(bits, 1, 129);
        assertThat(Bitmap.get(sliced, 0)).isTrue();
        assertThat(Bitmap.get(sliced, 128)).isFalse();
    }
}
