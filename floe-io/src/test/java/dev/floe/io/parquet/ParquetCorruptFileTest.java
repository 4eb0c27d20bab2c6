package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.ScanRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damaged files fail with a CORRUPT_FILE error naming the file and the problem, never a hang or an OOM. */
class ParquetCorruptFileTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a_truncated_middle.parquet, PAR1",
            "b_bad_trailing_magic.parquet, PAR1",
            "c_footer_length_past_start.parquet, footer length",
            "e_zero_bytes.parquet, too small",
            "f_text.parquet, PAR1"})
    void footerDamageIsReportedAtOpen(String file, String message) {
        String path = Fixtures.path("parquet/corrupt/" + file).toString();
        assertThatThrownBy(() -> ParquetTableSource.open(Fixtures.source("parquet/corrupt/" + file, Map.of())))
                .isInstanceOf(FloeException.class)
                .hasMessageContaining(path)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    }

    @Test
    void flippedDataPageFailsWhenTheColumnIsRead() {
        ParquetTableSource table = ParquetTableSource.open(
                Fixtures.source("parquet/corrupt/d_flipped_data_page.parquet", Map.of()));
        assertThat(table.statistics().rows()).isEqualTo(2000);
        ScanRequest onlyId = new ScanRequest(List.of("row_id"), null, -1, ScanRequest.DEFAULT_BATCH_SIZE);
        assertThat(Fixtures.readAll(table, onlyId).rowCount()).isEqualTo(2000);
        ScanRequest str = new ScanRequest(List.of("str"), null, -1, ScanRequest.DEFAULT_BATCH_SIZE);
        assertThatThrownBy(() -> Fixtures.readAll(table, str))
                .isInstanceOf(FloeException.class)
                .hasMessageContaining("d_flipped_data_page.parquet")
                .hasMessageContaining("str")
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    }

    @Test
    void missingFileIsFileNotFound() {
        assertThatThrownBy(() -> ParquetMetadata.read("/no/such/file.parquet"))
                .isInstanceOf(FloeException.class)
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }

    @Test
    void lyingPageSizesAreCaughtBeforeAllocating(@TempDir Path directory) throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.path("parquet/types/polars_uncompressed.parquet"));
        // every byte of the data region flipped at an arbitrary stride: pages and headers become garbage
        for (int stride : new int[] {7, 101, 4093}) {
            byte[] damaged = original.clone();
            ParquetMetadata metadata = ParquetMetadata.read(
                    Fixtures.path("parquet/types/polars_uncompressed.parquet").toString());
            long footerStart = metadata.fileSize() - 8 - 20_000;
            for (int i = 4; i < footerStart && i < damaged.length; i += stride) {
                damaged[i] = (byte) (damaged[i] ^ 0x5A);
            }
            Path file = directory.resolve("damaged_" + stride + ".parquet");
            Files.write(file, damaged);
            try {
                ParquetTableSource table = ParquetTableSource.open(new dev.floe.io.ScanSource(
                        dev.floe.io.FileFormat.PARQUET, List.of(file.toString()), Map.of()));
                Fixtures.readAll(table, ScanRequest.all());
            } catch (FloeException e) {
                assertThat(e.code()).isIn(ErrorCode.CORRUPT_FILE, ErrorCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).contains(file.toString());
            }
        }
    }
}
