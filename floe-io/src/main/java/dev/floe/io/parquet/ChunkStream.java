package dev.floe.io.parquet;

import dev.floe.io.parquet.encoding.CorruptPageException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;

/** An input stream over a column chunk that exposes its position (page headers are read from it). */
final class ChunkStream extends InputStream {
    private static final int MAX_PAGE = 1 << 30;
    /** A page may claim this many uncompressed bytes whatever its compressed size ... */
    private static final long MIN_PAGE_BOUND = 64L << 20;
    /** ... and beyond that at most this ratio, so a lying header cannot make Floe allocate gigabytes. */
    private static final long MAX_RATIO = 4096;

    private final byte[] bytes;
    int position;
    private int pageStart;

    ChunkStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= bytes.length) {
            return -1;
        }
        int count = Math.min(length, bytes.length - position);
        System.arraycopy(bytes, position, target, offset, count);
        position += count;
        return count;
    }

    /**
     * Reads the next page's header, checks the sizes it claims against the rest of the chunk and the bounds above,
     * and moves past the page's body, which starts at {@link #pageStart()}; {@code consumed} of {@code total} values
     * were read before it (for the error when the chunk ends early).
     */
    PageHeader nextPage(long consumed, long total) throws IOException {
        if (position >= bytes.length) {
            throw new CorruptPageException("the column chunk ends after " + consumed + " of " + total + " values");
        }
        PageHeader header = Util.readPageHeader(this);
        int compressed = header.getCompressed_page_size();
        int uncompressed = header.getUncompressed_page_size();
        long plausible = Math.min(MAX_PAGE, Math.max(MIN_PAGE_BOUND, (long) compressed * MAX_RATIO));
        if (compressed < 0 || compressed > bytes.length - position || uncompressed < 0 || uncompressed > plausible) {
            throw new CorruptPageException("a page claims " + compressed + " compressed / " + uncompressed
                    + " uncompressed bytes where " + (bytes.length - position) + " remain in the chunk");
        }
        pageStart = position;
        position += compressed;
        return header;
    }

    /** Where the body of the page {@link #nextPage} last read starts in the chunk. */
    int pageStart() {
        return pageStart;
    }
}
