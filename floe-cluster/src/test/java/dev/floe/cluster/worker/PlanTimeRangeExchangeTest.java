package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.KeyRanges;
import dev.floe.cluster.plan.RangeExchanges;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A range exchange whose bounds are a key-range split's boundaries, run by the worker's shuffle partitioner, puts
 * every key in the partition the split gives it: keys in {@code [b(i-1), b(i))} in partition {@code i}, a key equal
 * to a boundary in the partition that boundary opens, nulls in the last partition.
 */
class PlanTimeRangeExchangeTest {
    private static final KeyRanges RANGES = new KeyRanges(new ScanSource(FileFormat.PARQUET,
            List.of("/data/lineitem.parquet"), Map.of()), "l_orderkey", List.of(100L, 200L, 300L));

    /** The partitions of rows whose key column {@code k} of {@code type} holds {@code keys}, as row lists of keys. */
    private static List<List<Object>> placed(DataType type, List<Object> keys) {
        Schema schema = Schema.of(Field.of("k", type), Field.of("v", DataType.INT64));
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add((long) i);
        }
        Batch batch = new Batch(schema, List.of(Vectors.fromObjects(type, keys),
                Vectors.fromObjects(DataType.INT64, values)));
        Exchange.Range range = RangeExchanges.of(RANGES, "k", type).orElseThrow();
        assertThat(range.partitions()).isEqualTo(RANGES.partitions());
        List<List<Batch>> parts = ShuffleWriter.partition(range, schema, List.of(batch));
        List<List<Object>> result = new ArrayList<>();
        for (List<Batch> part : parts) {
            List<Object> partKeys = new ArrayList<>();
            for (Batch piece : part) {
                for (int r = 0; r < piece.rowCount(); r++) {
                    partKeys.add(piece.column("k").getObject(r));
                }
            }
            result.add(partKeys);
        }
        return result;
    }

    @Test
    void keysEqualToABoundaryOpenItsPartitionAndNullsGoLast() {
        List<List<Object>> parts = placed(DataType.INT64, Arrays.asList(-5L, 99L, 100L, 199L, null, 200L, 299L,
                300L, 1_000_000L, 0L, 100L));

        assertThat(parts).hasSize(4);
        assertThat(parts.get(0)).containsExactly(-5L, 99L, 0L);
        assertThat(parts.get(1)).containsExactly(100L, 199L, 100L);
        assertThat(parts.get(2)).containsExactly(200L, 299L);
        assertThat(parts.get(3)).containsExactly(null, 300L, 1_000_000L);
    }

    @Test
    void narrowIntegerAndUnsignedKeysArePlacedAlike() {
        for (DataType type : List.of(DataType.INT32, DataType.INT16, DataType.UINT32)) {
            List<Object> keys = type.equals(DataType.UINT32)
                    ? Arrays.asList(0L, 99L, 100L, 250L, 300L, null)
                    : type.equals(DataType.INT16) ? Arrays.asList((short) 0, (short) 99, (short) 100, (short) 250,
                            (short) 300, null) : Arrays.asList(0, 99, 100, 250, 300, null);
            List<List<Object>> parts = placed(type, keys);
            assertThat(parts.stream().map(List::size).toList()).as("%s", type).containsExactly(2, 1, 1, 2);
        }
    }

    @Test
    void dateKeysAreCutAtTheBoundaryDays() {
        LocalDate epoch = LocalDate.ofEpochDay(0);
        List<List<Object>> parts = placed(DataType.DATE, Arrays.asList(epoch.plusDays(99), epoch.plusDays(100),
                epoch.plusDays(300), epoch.plusDays(299)));

        assertThat(parts.get(0)).containsExactly(epoch.plusDays(99));
        assertThat(parts.get(1)).containsExactly(epoch.plusDays(100));
        assertThat(parts.get(2)).containsExactly(epoch.plusDays(299));
        assertThat(parts.get(3)).containsExactly(epoch.plusDays(300));
    }

    @Test
    void aBoundaryOutsideANarrowTypeOrAKeyOfAnotherKindHasNoExchange() {
        KeyRanges wide = new KeyRanges(RANGES.source(), "l_orderkey", List.of(10L, 5_000_000_000L));
        assertThat(RangeExchanges.of(wide, "k", DataType.INT32)).isEmpty();
        assertThat(RangeExchanges.of(wide, "k", DataType.INT64)).isPresent();
        assertThat(RangeExchanges.of(RANGES, "k", DataType.STRING)).isEmpty();
        assertThat(RangeExchanges.of(RANGES, "k", DataType.FLOAT64)).isEmpty();
    }
}
