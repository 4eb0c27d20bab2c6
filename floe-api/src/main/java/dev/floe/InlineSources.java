package dev.floe;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.plan.dsl.DslPlan;

/** Enforces the size limit of in-memory sources shipped inside a remote query's plan. */
final class InlineSources {
    private InlineSources() {
    }

    static void check(DslPlan plan, long encodedBytes, long limitBytes) {
        if (encodedBytes <= limitBytes || !hasInMemory(plan)) {
            return;
        }
        throw new FloeException(ErrorCode.INVALID_ARGUMENT, "the query's in-memory data is " + megabytes(encodedBytes)
                + " MiB once encoded, over the " + megabytes(limitBytes) + " MiB limit for data shipped inline with "
                + "a remote query (RemoteQuery.INLINE_SOURCE_LIMIT_BYTES); write it to a file the workers can read "
                + "(sinkParquet) and scan that file instead");
    }

    private static boolean hasInMemory(DslPlan plan) {
        if (plan instanceof DslPlan.InMemory) {
            return true;
        }
        return plan.inputs().stream().anyMatch(InlineSources::hasInMemory);
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
