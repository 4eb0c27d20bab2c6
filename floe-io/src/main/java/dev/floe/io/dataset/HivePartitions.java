package dev.floe.io.dataset;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hive-style {@code key=value} directory names: parsing, decoding, and typing the partition columns. */
public final class HivePartitions {
    /** The directory value that stands for a null partition value. */
    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private HivePartitions() {
    }

    /** The {@code key=value} segments of a path below its dataset root, decoded, in path order. */
    public static Map<String, String> parse(String relativePath) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] segments = relativePath.replace('\\', '/').split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = segments[i];
            int equals = segment.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = decode(segment.substring(0, equals));
            String raw = segment.substring(equals + 1);
            values.put(key, raw.equals(DEFAULT_PARTITION) ? null : decode(raw));
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The partition columns of a set of files: every file must name the same keys in the same order; a
     * column is Int64 when every non-null value is an integer, Float64 when every one is a number, else String.
     */
    public static List<Field> fields(List<DataFile> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(files.getFirst().partitionValues().keySet());
        for (DataFile file : files) {
            List<String> fileKeys = new ArrayList<>(file.partitionValues().keySet());
            if (!fileKeys.equals(keys)) {
                throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "hive partition keys differ between files: "
                        + files.getFirst().path() + " has " + keys + " but " + file.path() + " has " + fileKeys);
            }
        }
        List<Field> fields = new ArrayList<>(keys.size());
        for (String key : keys) {
            boolean allIntegers = true;
            boolean allNumbers = true;
            for (DataFile file : files) {
                String value = file.partitionValues().get(key);
                if (value == null) {
                    continue;
                }
                allIntegers &= isInteger(value);
                allNumbers &= isNumber(value);
            }
            DataType type = allIntegers ? DataType.INT64 : allNumbers ? DataType.FLOAT64 : DataType.STRING;
            fields.add(Field.of(key, type));
        }
        return fields;
    }

    private static boolean isInteger(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return !value.isBlank() && !value.chars().anyMatch(Character::isLetter);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
