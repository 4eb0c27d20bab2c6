package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.coordinator.StageStatus;
import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.cluster.protocol.StageProgress;
import dev.floe.cluster.protocol.WireInput;
import dev.floe.cluster.protocol.WireOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
    private static QueryInfo status(QueryStatus status, StageProgress... stages) {
        return new QueryInfo(1, status, stages.length, 0, 0, 0, List.of(), null, "", List.of(stages));
    }

    /** A query of three stages seen at three polls: starting, half way, done. */
    private static final List<QueryInfo> SEQUENCE = List.of(
            status(QueryStatus.SCHEDULED,
                    new StageProgress(0, "scan", StageStatus.RUNNING, 0, 12, 0, 0),
                    new StageProgress(1, "join", StageStatus.WAITING, 0, 6, 0, 0),
                    new StageProgress(2, "sort", StageStatus.WAITING, 0, 1, 0, 0)),
            status(QueryStatus.RUNNING,
                    new StageProgress(0, "scan", StageStatus.COMPLETE, 12, 12, 6_001_215, 50_331_648),
                    new StageProgress(1, "join", StageStatus.RUNNING, 5, 6, 1_234_567, 1536),
                    new StageProgress(2, "sort", StageStatus.WAITING, 0, 1, 0, 0)),
            status(QueryStatus.SUCCESS,
                    new StageProgress(0, "scan", StageStatus.COMPLETE, 12, 12, 6_001_215, 50_331_648),
                    new StageProgress(1, "join", StageStatus.COMPLETE, 6, 6, 1_500_000, 2048),
                    new StageProgress(2, "sort", StageStatus.COMPLETE, 1, 1, 42, 900)));

    @Test
    void oneLinePerStageWithTasksRowsAndBytes() {
        assertThat(ProgressText.lines(SEQUENCE.get(1))).containsExactly(
                "stage 1/3 [scan]  tasks 12/12  rows 6.0M  bytes 48 MB",
                "stage 2/3 [join]  tasks 5/6  rows 1.2M  bytes 1.5 KB",
                "stage 3/3 [sort]  tasks 0/1  rows 0  bytes 0 B");
    }

    @Test
    void failedAndCanceledStagesSaySo() {
        assertThat(ProgressText.line(new StageProgress(3, "aggregate", StageStatus.FAILED, 2, 4, 10, 10), 7))
                .isEqualTo("stage 4/7 [aggregate]  tasks 2/4  rows 10  bytes 10 B  failed");
        assertThat(ProgressText.line(new StageProgress(0, "scan", StageStatus.CANCELED, 0, 4, 0, 0), 1))
                .endsWith("canceled");
    }

    @Test
    void sizesAreRoundedForAGlance() {
        assertThat(ProgressText.count(999)).isEqualTo("999");
        assertThat(ProgressText.count(12_345)).isEqualTo("12K");
        assertThat(ProgressText.count(1_500)).isEqualTo("1.5K");
        assertThat(ProgressText.count(3_400_000_000L)).isEqualTo("3.4B");
        assertThat(ProgressText.bytes(1023)).isEqualTo("1023 B");
        assertThat(ProgressText.bytes(48L * 1024 * 1024)).isEqualTo("48 MB");
        assertThat(ProgressText.bytes((long) (1.2 * 1024 * 1024 * 1024))).isEqualTo("1.2 GB");
    }

    @Test
    void thePrinterRedrawsTheBlockInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        SEQUENCE.forEach(printer);
        String text = bytes.toString(StandardCharsets.UTF_8);

        String[] redraws = text.split("\033\\[3F", -1);
        assertThat(redraws).hasSize(3);
        assertThat(redraws[0]).startsWith("\033[2Kstage 1/3 [scan]  tasks 0/12").doesNotContain("\033[3F");
        assertThat(redraws[1]).startsWith("\033[2Kstage 1/3 [scan]  tasks 12/12");
        assertThat(redraws[2]).isEqualTo(String.join("", ProgressText.lines(SEQUENCE.get(2)).stream()
                .map(line -> "\033[2K" + line + "\n").toList()));
    }

    @Test
    void stageProgressTravelsWithTheStatus() {
        QueryInfo info = SEQUENCE.get(1);
        WireOutput out = new WireOutput();
        info.write(out);
        QueryInfo read = QueryInfo.read(new WireInput(out.toByteArray(), "test"));

        assertThat(read.stages()).isEqualTo(info.stages());
        assertThat(read.status()).isEqualTo(QueryStatus.RUNNING);
    }
}
