package dev.floe.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference answers of the 22 PDS-H queries at one scale factor, and the comparison of a result with them
 * (same column names and row count, numbers within 1e-6 relative, rounded columns within 0.01, rows tying on the
 * ORDER BY keys in any order, dates YYYY-MM-DD, null as empty).
 */
public final class PdshAnswers {
    /** The classpath folder holding {@code sf<SF>/qNN.csv}. */
    public static final String RESOURCE_ROOT = "pdsh-answers/";

    private final String description;
    private final AnswerSource source;

    private PdshAnswers(String description, AnswerSource source) {
        this.description = description;
        this.source = source;
    }

    /** The answers shipped in floe-pdsh for this scale factor (0.1 and 1). */
    public static PdshAnswers fromClasspath(double scaleFactor) {
        String folder = RESOURCE_ROOT + PdshGenerator.scaleFactorDirectoryName(scaleFactor) + "/";
        if (PdshAnswers.class.getClassLoader().getResource(folder + "q01.csv") == null) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no PDS-H answers for scale factor " + scaleFactor
                    + " on the classpath (" + folder + "); answers exist for scale factors 0.1 and 1");
        }
        return new PdshAnswers("classpath " + folder, fileName -> {
            InputStream stream = PdshAnswers.class.getClassLoader().getResourceAsStream(folder + fileName);
            if (stream == null) {
                throw new FloeException(ErrorCode.FILE_NOT_FOUND, "answer " + folder + fileName + " is missing");
            }
            try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                return AnswerCsv.read(reader, folder + fileName);
            }
        });
    }

    /** Whether answers for this scale factor are on the classpath. */
    public static boolean onClasspath(double scaleFactor) {
        String folder = RESOURCE_ROOT + PdshGenerator.scaleFactorDirectoryName(scaleFactor) + "/";
        return PdshAnswers.class.getClassLoader().getResource(folder + "q01.csv") != null;
    }

    /** Answers read from {@code directory}/qNN.csv. */
    public static PdshAnswers fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "answer directory " + directory
                    + " does not exist; it should hold q01.csv to q22.csv");
        }
        return new PdshAnswers(directory.toString(), fileName -> ResultTable.readCsv(directory.resolve(fileName)));
    }

    /** The reference answer of query {@code number}. */
    public ResultTable expected(int number) {
        PdshQuery query = PdshQuery.of(number);
        try {
            return source.read(query.answerFileName());
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read answer " + query.answerFileName() + " from "
                    + description + ": " + e.getMessage(), e);
        }
    }

    /** Compares a result of query {@code number} with its reference answer. */
    public ResultComparison compare(int number, ResultTable actual) {
        return ResultComparison.compare(PdshQuery.of(number), expected(number), actual);
    }

    /** Compares a result of query {@code number}, written in the answer CSV format, with its reference answer. */
    public ResultComparison compare(int number, Path actualCsv) {
        return compare(number, ResultTable.readCsv(actualCsv));
    }

    @Override
    public String toString() {
        return "PDS-H answers from " + description;
    }

    /** Reads one answer file by name. */
    @FunctionalInterface
    private interface AnswerSource {
        ResultTable read(String fileName) throws IOException;
    }
}
