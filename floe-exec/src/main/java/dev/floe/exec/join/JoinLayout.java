package dev.floe.exec.join;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each output column of a join comes from: a column of the probe side or of the build side, in the
 * output schema's order. Assembles output batches from gathered row indices (-1 gives a null row).
 */
public record JoinLayout(Schema schema, boolean[] fromProbe, int[] columns) {
    public Batch assemble(Batch probe, int[] probeRows, Batch build, int[] buildRows, int count) {
        List<Vector> out = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            out.add(fromProbe[i] ? probe.column(columns[i]).take(probeRows, count)
                    : build.column(columns[i]).take(buildRows, count));
        }
        return new Batch(schema, out, count);
    }

    /** As {@link #assemble} when output row {@code i} is probe row {@code i}: the probe's columns are kept as they are. */
    public Batch assembleEveryProbeRow(Batch probe, Batch build, int[] buildRows, int count) {
        List<Vector> out = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            out.add(fromProbe[i] ? probe.column(columns[i]) : build.column(columns[i]).take(buildRows, count));
        }
        return new Batch(schema, out, count);
    }
}
