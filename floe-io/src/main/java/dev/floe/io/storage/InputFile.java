package dev.floe.io.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Random-access reads of one file or object. Readers ask for exactly the bytes they need (a footer, column
 * chunks); implementations turn that into positioned reads (local files) or ranged GETs (S3).
 * Implementations are safe for concurrent reads.
 */
public interface InputFile extends AutoCloseable {
    String location();

    long length();

    /**
     * What identifies this version of the content, for caches of things parsed from it: the length and the
     * modification time of a local file, the length and ETag of an object. {@code null} when unknown (then
     * nothing is cached).
     */
    default String version() {
        return null;
    }

    /** Exactly {@code range.length()} bytes at {@code range.offset()}; a clear error if the file is shorter. */
    byte[] read(ByteRange range);

    /** The last {@code length} bytes (fewer if the file is shorter): one suffix request on object stores. */
    default byte[] readTail(int length) {
        long size = length();
        int count = (int) Math.min(size, length);
        return read(new ByteRange(size - count, count));
    }

    /**
     * Several ranges at once, in the order given. Object stores coalesce nearby ranges into fewer requests
     * and run a bounded number of them concurrently; local files read each range.
     */
    default List<byte[]> readAll(List<ByteRange> ranges) {
        List<byte[]> out = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            out.add(read(range));
        }
        return out;
    }

    @Override
    void close();
}
