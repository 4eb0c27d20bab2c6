package dev.floe.plan.resolve;

import dev.floe.core.types.Schema;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSources;

/** Where the resolver learns a scan's schema: the readers by default, a fixed map in tests. */
@FunctionalInterface
public interface ScanSchemas {
    Schema schemaOf(ScanSource source);

    /** Opens the source with its registered reader and reads its schema. */
    static ScanSchemas fromReaders() {
        return source -> TableSources.open(source).schema();
    }
}
