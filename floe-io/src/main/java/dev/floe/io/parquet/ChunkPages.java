package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.CorruptPageException;
import java.io.IOException;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;

/**
 * What the readers of one column chunk's pages share: a page body as a reader (decompressed into the thread's page
 * buffer, or the chunk's own bytes when uncompressed) and the error that names the file and the column when the
 * chunk is corrupt.
 */
final class ChunkPages {
    private final String file;
    private final ParquetNode.Primitive column;
    private final CompressionCodec codec;
    private final DecodeScratch scratch;

    ChunkPages(String file, ParquetNode.Primitive column, ColumnMetaData meta, DecodeScratch scratch) {
        this.file = file;
        this.column = column;
        this.codec = meta.getCodec();
        this.scratch = scratch;
    }

    /** A reader over the page body of {@code compressed} bytes at {@code start} of {@code chunk}. */
    ByteReader body(byte[] chunk, int start, int compressed, int uncompressed) {
        if (codec == CompressionCodec.UNCOMPRESSED) {
            ParquetCodecs.checkUncompressed(compressed, uncompressed);
            return new ByteReader(chunk, start, start + compressed);
        }
        byte[] page = scratch.page(uncompressed);
        ParquetCodecs.decompressInto(codec, chunk, start, compressed, page, uncompressed);
        return new ByteReader(page, 0, uncompressed);
    }

    /** The error for a corrupt chunk: the file, the column and {@code what} was wrong. */
    FloeException corrupt(String what, Throwable cause) {
        return new FloeException(ErrorCode.CORRUPT_FILE, "corrupt Parquet file " + file + ", column "
                + String.join(".", column.path()) + ": " + what, cause);
    }

    /**
     * The error for a failure while walking the pages: a Floe error as it is, a page or bounds check by its message,
     * anything else as a page header that cannot be decoded.
     */
    FloeException failure(Exception error) {
        return switch (error) {
            case FloeException floe -> floe;
            case CorruptPageException _, ParquetCodecs.BadCompressedData _, ArithmeticException _,
                    IndexOutOfBoundsException _ -> corrupt(error.getMessage(), error);
            default -> corrupt("a page header cannot be decoded: " + error.getMessage(), error);
        };
    }
}
