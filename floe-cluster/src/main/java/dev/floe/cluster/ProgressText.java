package dev.floe.cluster;

import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.cluster.protocol.StageProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of the live progress display: one line per stage,
 * {@code stage 3/7 [join]  tasks 5/12  rows 1.2M  bytes 48 MB}, with sizes rounded for a glance.
 */
public final class ProgressText {
    private ProgressText() {
    }

    public static List<String> lines(QueryInfo info) {
        List<String> lines = new ArrayList<>();
        int total = info.stages().size();
        for (StageProgress stage : info.stages()) {
            lines.add(line(stage, total));
        }
        return lines;
    }

    public static String line(StageProgress stage, int totalStages) {
        return "stage " + (stage.stage() + 1) + "/" + totalStages + " [" + stage.label() + "]  tasks "
                + stage.tasksDone() + "/" + stage.tasksTotal() + "  rows " + count(stage.rows()) + "  bytes "
                + bytes(stage.bytes()) + switch (stage.state()) {
                    case WAITING, RUNNING, COMPLETE -> "";
                    case FAILED -> "  failed";
                    case CANCELED -> "  canceled";
                    case SKIPPED -> "  skipped";
                };
    }

    /** {@code 950}, {@code 12.3K}, {@code 1.2M}, {@code 3.4B}: one decimal below 100 of a unit. */
    public static String count(long value) {
        if (value < 1000) {
            return Long.toString(value);
        }
        String[] units = {"K", "M", "B", "T"};
        double scaled = value;
        int unit = -1;
        while (scaled >= 1000 && unit < units.length - 1) {
            scaled /= 1000;
            unit++;
        }
        return rounded(scaled) + units[unit];
    }

    /** {@code 512 B}, {@code 1.5 KB}, {@code 48 MB}, {@code 1.2 GB} (powers of 1024). */
    public static String bytes(long value) {
        if (value < 1024) {
            return value + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double scaled = value;
        int unit = -1;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return rounded(scaled) + " " + units[unit];
    }

    private static String rounded(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value));
    }
}
