package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UInt64 values above Long.MAX_VALUE read, print and travel through files as their unsigned value. */
class Unsigned64Test {
    private static final BigInteger MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
    private static final DataFrame TABLE = DataFrame.builder()
            .column("u", DataType.UINT64, Arrays.asList(MAX, 5L, null, BigInteger.TWO.pow(63))).build();

    @TempDir
    Path directory;

    @Test
    void collectGivesTheUnsignedValueAndShowPrintsIt() {
        DataFrame result = TABLE.lazy().collect();
        assertThat(result.get(0, "u")).isEqualTo(MAX);
        assertThat(result.column("u").toList()).containsExactly(MAX, 5L, null, BigInteger.TWO.pow(63));
        assertThat(result.toString()).contains("│ 18446744073709551615 │").contains("│ 9223372036854775808  │")
                .doesNotContain("-1");
    }

    @Test
    void theValuesSurviveParquetAndCsvFiles() {
        String parquet = directory.resolve("u.parquet").toString();
        TABLE.lazy().sinkParquet(parquet, Map.of());
        DataFrame.assertEquals(TABLE, Floe.scanParquet(parquet).collect());

        String csv = directory.resolve("u.csv").toString();
        TABLE.lazy().sinkCsv(csv, Map.of());
        DataFrame back = Floe.scanCsv(csv, ScanOptions.defaults().with("schema_overrides", "u:UInt64")).collect();
        DataFrame.assertEquals(TABLE, back);
        assertThat(back.column("u").toList()).first().isEqualTo(MAX);
    }

    @Test
    void theValuesRebuildAFrame() {
        List<?> values = TABLE.column("u").toList();
        DataFrame rebuilt = DataFrame.builder().column("u", DataType.UINT64, values).build();
        DataFrame.assertEquals(TABLE, rebuilt);
    }
}
