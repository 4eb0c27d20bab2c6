package dev.floe.pdsh;

import dev.floe.core.FloeException;
import java.nio.file.Path;

/**
 * Command line entry point of the PDS-H data generator:
 * {@code PdshGenerateCommand --sf SF --data DIR [--format parquet|csv] [--threads N]}.
 */
public final class PdshGenerateCommand {
    private PdshGenerateCommand() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (FloeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) {
        double scaleFactor = 1;
        Path data = Path.of("data");
        String format = "parquet";
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw FloeException.invalidArgument("option " + name + " needs a value; usage: --sf SF --data DIR"
                        + " [--format parquet|csv] [--threads N]");
            }
            String value = args[++i];
            switch (name) {
                case "--sf" -> scaleFactor = parseNumber(name, value);
                case "--data" -> data = Path.of(value);
                case "--format" -> format = value;
                case "--threads" -> threads = (int) parseNumber(name, value);
                default -> throw FloeException.invalidArgument("unknown option " + name
                        + "; valid options are --sf, --data, --format, --threads");
            }
        }
        TpchData.checkScaleFactor(scaleFactor);
        TableWriter writer = writer(format);
        long start = System.nanoTime();
        Path directory = new PdshGenerator(writer, threads).generate(data, scaleFactor, System.err);
        System.err.printf("wrote %s in %.1f s%n", directory, (System.nanoTime() - start) / 1e9);
    }

    /** The table writer of a format name. */
    static TableWriter writer(String format) {
        return switch (format) {
            case "csv" -> TableWriter.csv();
            case "parquet" -> TableWriter.parquet();
            default -> throw FloeException.invalidArgument("unknown format '" + format + "'; valid formats are"
                    + " parquet and csv");
        };
    }

    private static double parseNumber(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument(option + " needs a number, not '" + value + "'");
        }
    }
}
