package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.CorruptPageException;
import io.airlift.compress.v3.zstd.ZstdCompressor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.junit.jupiter.api.Test;

/** Page bodies and corrupt-chunk errors shared by the column chunk decoder and the dictionary filter. */
class ChunkPagesTest {
    private static final byte[] TEXT = "a page body, a page body, a page body".getBytes(StandardCharsets.UTF_8);

    @Test
    void anUncompressedBodyIsReadInPlace() {
        byte[] chunk = new byte[TEXT.length + 3];
        System.arraycopy(TEXT, 0, chunk, 3, TEXT.length);

        ByteReader body = pages(CompressionCodec.UNCOMPRESSED).body(chunk, 3, TEXT.length, TEXT.length);

        assertThat(body.data()).isSameAs(chunk);
        assertThat(body.position()).isEqualTo(3);
        assertThat(body.remaining()).isEqualTo(TEXT.length);
    }

    @Test
    void aCompressedBodyIsDecompressedWhole() {
        ZstdCompressor compressor = ZstdCompressor.create();
        byte[] compressed = new byte[compressor.maxCompressedLength(TEXT.length)];
        int length = compressor.compress(TEXT, 0, TEXT.length, compressed, 0, compressed.length);

        ByteReader body = pages(CompressionCodec.ZSTD).body(compressed, 0, length, TEXT.length);

        assertThat(Arrays.copyOfRange(body.data(), body.position(), body.position() + body.remaining()))
                .isEqualTo(TEXT);
    }

    @Test
    void aCorruptChunkNamesTheFileAndTheColumn() {
        FloeException error = pages(CompressionCodec.UNCOMPRESSED).corrupt("a page claims 9 values", null);

        assertThat(error.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
        assertThat(error).hasMessage("corrupt Parquet file data/t.parquet, column address.city: a page claims 9 values");
    }

    @Test
    void failuresWhileWalkingPagesBecomeCorruptFileErrorsExceptFloeErrors() {
        ChunkPages pages = pages(CompressionCodec.UNCOMPRESSED);
        FloeException own = FloeException.invalidArgument("already explained");

        assertThat(pages.failure(own)).isSameAs(own);
        assertThat(pages.failure(new CorruptPageException("the chunk ends early")))
                .hasMessageEndingWith("address.city: the chunk ends early");
        assertThat(pages.failure(new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 4")))
                .hasMessageEndingWith(": Index 7 out of bounds for length 4");
        assertThat(pages.failure(new IOException("bad varint")))
                .hasMessageEndingWith(": a page header cannot be decoded: bad varint")
                .extracting(error -> ((FloeException) error).code()).isEqualTo(ErrorCode.CORRUPT_FILE);
    }

    private static ChunkPages pages(CompressionCodec codec) {
        SchemaElement element = new SchemaElement("city");
        element.setType(Type.BYTE_ARRAY);
        ParquetNode.Primitive column = new ParquetNode.Primitive("city", DataType.STRING, element, 0, 1, 0,
                List.of("address", "city"));
        ColumnMetaData meta = new ColumnMetaData(Type.BYTE_ARRAY, List.of(Encoding.PLAIN), List.of("address", "city"),
                codec, 1, TEXT.length, TEXT.length, 0);
        return new ChunkPages("data/t.parquet", column, meta, DecodeScratch.current());
    }
}
