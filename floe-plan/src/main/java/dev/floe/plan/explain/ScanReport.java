package dev.floe.plan.explain;

import dev.floe.plan.logical.Scan;

/**
 * What a scan will read after pruning, for explain (for example {@code 2/8 FILES, 5/40 ROW GROUPS}).
 * The executor provides the real one, which opens the source and plans its tasks; plain explain uses
 * {@link #NONE}.
 */
@FunctionalInterface
public interface ScanReport {
    ScanReport NONE = scan -> null;

    /** A short description, or {@code null} for nothing to say. */
    String describe(Scan scan);
}
