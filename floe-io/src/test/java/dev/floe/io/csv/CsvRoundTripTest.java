package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.DoubleVector;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.testing.SampleBatches;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
    @TempDir
    Path directory;

    private List<Batch> roundTrip(Batch batch, CsvWriteOptions write, Map<String, String> read) {
        Path file = directory.resolve("data.csv");
        CsvWriter.write(List.of(batch, batch.slice(0, 0)), batch.schema(), file, write);
        Map<String, String> options = new java.util.HashMap<>(read);
        options.put("schema_overrides", CsvTypeNames.encodeOverrides(batch.schema().asMap()));
        TableSource source = CsvTableSource.open(new ScanSource(FileFormat.CSV, List.of(file.toString()), options));
        return CsvFixturesTest.readAll(source, ScanRequest.all());
    }

    @Test
    void everyScalarTypeSurvivesWriteAndRead() {
        Batch batch = SampleBatches.scalars();
        SampleBatches.assertSameRows(roundTrip(batch, CsvWriteOptions.DEFAULT, Map.of()), batch);
    }

    @Test
    void otherSeparatorCrlfAndNullText() {
        Batch batch = SampleBatches.scalars();
        CsvWriteOptions write = new CsvWriteOptions(true, (byte) ';', (byte) '"', "NA", "\r\n", true);
        SampleBatches.assertSameRows(roundTrip(batch, write, Map.of("separator", ";", "null_values", "NA")), batch);
    }

    @Test
    void floatsUsePolarsNotation() {
        assertThat(CsvValueFormat.formatDouble(1.0)).isEqualTo("1.0");
        assertThat(CsvValueFormat.formatDouble(-0.0)).isEqualTo("-0.0");
        assertThat(CsvValueFormat.formatDouble(43781680.0)).isEqualTo("43781680.0");
        assertThat(CsvValueFormat.formatDouble(0.000028899506339803336)).isEqualTo("0.000028899506339803336");
        assertThat(CsvValueFormat.formatDouble(-3.2903721206821498e-12)).isEqualTo("-3.2903721206821498e-12");
        assertThat(CsvValueFormat.formatDouble(-1.7976931348623157e308)).isEqualTo("-1.7976931348623157e+308");
        assertThat(CsvValueFormat.formatDouble(5e-324)).isEqualTo("5e-324");
        assertThat(CsvValueFormat.formatDouble(1e20)).isEqualTo("100000000000000000000.0");
        assertThat(CsvValueFormat.formatDouble(Double.NaN)).isEqualTo("NaN");
        assertThat(CsvValueFormat.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(CsvValueFormat.formatFloat(3.4028235e38f)).isEqualTo("3.4028235e+38");
        assertThat(CsvValueFormat.formatFloat(1e-45f)).isEqualTo("1e-45");
    }

    @Test
    void quotingFollowsRfc4180() {
        Schema schema = Schema.of(Field.of("s", DataType.STRING), Field.of("x", DataType.FLOAT64));
        Batch batch = new Batch(schema, List.of(
                dev.floe.core.vector.BytesVector.ofStrings("a,b", "say \"hi\"", "", null, "line\nbreak"),
                new DoubleVector(DataType.FLOAT64, new double[] {1, 2.5, 3, 4, 5}, null, 5)));
        String text = CsvWriter.toText(List.of(batch), schema, CsvWriteOptions.DEFAULT);
        assertThat(text).isEqualTo("s,x\n\"a,b\",1.0\n\"say \"\"hi\"\"\",2.5\n\"\",3.0\n,4.0\n\"line\nbreak\",5.0\n");
    }

    @Test
    void binaryCannotBeWritten() {
        Schema schema = Schema.of(Field.of("b", DataType.BINARY));
        assertThatThrownBy(() -> CsvWriter.toText(List.of(), schema, CsvWriteOptions.DEFAULT))
                .isInstanceOf(FloeException.class).hasMessageContaining("cannot be written as CSV");
    }
}
