package dev.floe.plan.logical;

import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.storage.StorageOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Writes the input's rows to {@code path} in {@code format} with the format's options by name; the root of a plan. */
public record Sink(LogicalPlan input, FileFormat format, String path, Map<String, String> options)
        implements LogicalPlan {
    public Sink {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 1);
        return new Sink(inputs.getFirst(), format, path, options);
    }

    /** Like the record's own, with secret storage options (credentials) masked: plans end up in logs. */
    @Override
    public String toString() {
        return "Sink[input=" + input + ", format=" + format + ", path=" + path + ", options="
                + StorageOptions.redact(options) + "]";
    }
}
