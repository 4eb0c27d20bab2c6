package dev.floe.cli;

import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.parquet.ParquetMetadata;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code floe schema FILE}: the columns and types of a file, with its row count and, for Parquet, row groups and codecs. */
@Command(name = "schema", description = "Print a file's schema, row count, row groups and codecs.")
final class SchemaCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A Parquet, CSV or Arrow IPC file (by extension).")
    String file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        FileFormat format = Files.formatOf(file);
        out.println("file: " + file);
        out.println("format: " + format.name().toLowerCase(java.util.Locale.ROOT));
        Schema schema;
        long rows;
        if (format == FileFormat.PARQUET) {
            ParquetMetadata metadata = ParquetMetadata.read(file);
            schema = metadata.schema();
            rows = metadata.rowCount();
            out.println("rows: " + rows);
            out.println("row groups: " + metadata.rowGroupCount());
            out.println("codecs: " + String.join(", ", metadata.codecs()));
            if (metadata.createdBy() != null) {
                out.println("created by: " + metadata.createdBy());
            }
        } else {
            schema = Files.scan(file, format).collectSchema();
            rows = Files.scan(file, format).select(dev.floe.Floe.len()).collect().column("len").toList()
                    .stream().mapToLong(v -> ((Number) v).longValue()).sum();
            out.println("rows: " + rows);
        }
        out.println("columns: " + schema.size());
        int width = schema.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (Field field : schema.fields()) {
            out.println("  " + padRight(field.name(), width) + "  " + field.type());
        }
        return 0;
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
