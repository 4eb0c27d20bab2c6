package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers a CSV file's schema like Polars: column names from the header (a repeated name {@code a} becomes
 * {@code a_duplicated_0}, ...) or {@code column_1..n}; each column's type from the first
 * {@code infer_schema_length} records: Boolean if every value is true/false, Int64 if every value is an
 * integer, Float64 if every value is a number, Date / Datetime if {@code try_parse_dates} and every value is
 * one, String otherwise (and for columns without values). {@code schema_overrides} then replace types by name.
 */
final class CsvSchemaInference {
    private static final int BOOLEAN = 1;
    private static final int INTEGER = 2;
    private static final int FLOAT = 4;
    private static final int DATE = 8;
    private static final int DATETIME = 16;
    private static final int ANY = BOOLEAN | INTEGER | FLOAT | DATE | DATETIME;

    /** The schema, and the average bytes per record seen (for row estimates; 0 when no record was read). */
    record Result(Schema schema, double bytesPerRecord) {
    }

    private CsvSchemaInference() {
    }

    static Result infer(String path, long size, CsvOptions options) {
        try (CsvRecordSource source = new CsvRecordSource(path, 0, size, options, -1)) {
            List<String> header = source.header();
            CsvNumbers numbers = new CsvNumbers();
            CsvTemporal temporal = new CsvTemporal();
            int[] possible = null;
            boolean[] seen = null;
            boolean[] nanosecond = null;
            boolean[] zoned = null;
            long records = 0;
            long bytes = 0;
            int columns = header == null ? -1 : header.size();
            long wanted = options.inferSchemaLength();
            while (records < Math.max(wanted, 1) && source.nextBlock((int) Math.min(4096, Math.max(wanted, 1) - records))) {
                CsvRecordParser parser = source.parser();
                if (columns < 0) {
                    columns = parser.columns;
                } else if (parser.columns != columns) {
                    throw source.malformed(parser.lines[0], "the header has " + columns + " fields but the first "
                            + "record has " + parser.columns + " (ragged row)");
                }
                if (possible == null) {
                    possible = new int[columns];
                    java.util.Arrays.fill(possible, ANY);
                    seen = new boolean[columns];
                    nanosecond = new boolean[columns];
                    zoned = new boolean[columns];
                }
                byte[] buffer = source.buffer();
                bytes += parser.ends[parser.rows * columns - 1] - parser.starts[0] + 1;
                if (wanted > 0) {
                    for (int r = 0; r < parser.rows; r++) {
                        for (int c = 0; c < columns; c++) {
                            int index = r * columns + c;
                            int start = parser.starts[index];
                            int end = parser.ends[index];
                            if (possible[c] == 0 || CsvFields.isNull(buffer, start, end, parser.flags[index],
                                    options.nullValues())) {
                                continue;
                            }
                            seen[c] = true;
                            int kinds = 0;
                            numbers.parseLong(buffer, start, end);
                            if (!numbers.failed) {
                                kinds |= INTEGER | FLOAT;
                            } else {
                                numbers.parseDouble(buffer, start, end);
                                if (!numbers.failed) {
                                    kinds |= FLOAT;
                                }
                            }
                            if (kinds == 0) {
                                numbers.parseBoolean(buffer, start, end);
                                if (!numbers.failed) {
                                    kinds |= BOOLEAN;
                                }
                            }
                            if (kinds == 0 && options.tryParseDates()) {
                                temporal.parseDate(buffer, start, end);
                                if (!temporal.failed) {
                                    kinds |= DATE | DATETIME;
                                } else {
                                    temporal.parseDatetime(buffer, start, end, TimeUnit.MICROSECONDS, null);
                                    if (!temporal.failed) {
                                        kinds |= DATETIME;
                                        nanosecond[c] |= temporal.fractionDigits > 6;
                                        zoned[c] |= temporal.hadOffset;
                                    }
                                }
                            }
                            possible[c] &= kinds;
                        }
                    }
                }
                records += parser.rows;
            }
            if (columns < 0) {
                columns = 0;
            }
            List<String> names = names(header, columns);
            List<Field> fields = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                DataType type = DataType.STRING;
                if (possible != null && seen[c] && wanted > 0) {
                    int kinds = possible[c];
                    if ((kinds & BOOLEAN) != 0) {
                        type = DataType.BOOLEAN;
                    } else if ((kinds & INTEGER) != 0) {
                        type = DataType.INT64;
                    } else if ((kinds & FLOAT) != 0) {
                        type = DataType.FLOAT64;
                    } else if ((kinds & DATE) != 0) {
                        type = DataType.DATE;
                    } else if ((kinds & DATETIME) != 0) {
                        type = DataType.datetime(nanosecond[c] ? TimeUnit.NANOSECONDS : TimeUnit.MICROSECONDS,
                                zoned[c] ? "UTC" : null);
                    }
                }
                fields.add(Field.of(names.get(c), type));
            }
            Schema schema = applyOverrides(new Schema(fields), options.schemaOverrides(), path);
            return new Result(schema, records == 0 ? 0 : (double) bytes / records);
        }
    }

    private static List<String> names(List<String> header, int columns) {
        List<String> names = new ArrayList<>(columns);
        if (header == null) {
            for (int c = 0; c < columns; c++) {
                names.add("column_" + (c + 1));
            }
            return names;
        }
        Set<String> used = new HashSet<>(header);
        Set<String> taken = new HashSet<>();
        Map<String, Integer> duplicates = new HashMap<>();
        for (String name : header) {
            if (taken.add(name)) {
                names.add(name);
                continue;
            }
            String renamed;
            do {
                int next = duplicates.merge(name, 1, Integer::sum) - 1;
                renamed = name + "_duplicated_" + next;
            } while (used.contains(renamed) || !taken.add(renamed));
            names.add(renamed);
        }
        return names;
    }

    private static Schema applyOverrides(Schema schema, Map<String, DataType> overrides, String path) {
        if (overrides.isEmpty()) {
            return schema;
        }
        List<Field> fields = new ArrayList<>(schema.fields());
        for (Map.Entry<String, DataType> override : overrides.entrySet()) {
            int index = schema.indexOf(override.getKey());
            if (index < 0) {
                throw new FloeException(ErrorCode.COLUMN_NOT_FOUND, "schema_overrides names the column '"
                        + override.getKey() + "', which " + path + " does not have; its columns are "
                        + schema.names());
            }
            fields.set(index, Field.of(override.getKey(), override.getValue()));
        }
        return new Schema(fields);
    }
}
