package dev.floe.exec.sink;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registered {@link SinkWriter} of each file format, mirroring {@code dev.floe.io.TableSources}. */
public final class SinkWriters {
    private static final Map<FileFormat, SinkWriter> WRITERS = new ConcurrentHashMap<>();

    private SinkWriters() {
    }

    public static void register(FileFormat format, SinkWriter writer) {
        WRITERS.put(format, writer);
    }

    public static SinkWriter forFormat(FileFormat format) {
        SinkWriter writer = WRITERS.get(format);
        if (writer == null) {
            throw new FloeException(ErrorCode.INVALID_ARGUMENT, "no writer is registered for " + format
                    + " files; registered formats: " + WRITERS.keySet());
        }
        return writer;
    }
}
