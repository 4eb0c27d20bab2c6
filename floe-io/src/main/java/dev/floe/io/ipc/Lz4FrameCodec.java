package dev.floe.io.ipc;

import dev.floe.io.codec.CodecLibrary;
import io.airlift.compress.v3.Compressor;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Arrow's LZ4_FRAME body codec with a fast compressor: blocks are compressed with aircompressor's LZ4 and
 * framed here (independent 4 MB blocks, no checksums); frames are decoded by {@link Lz4FrameDecoder}. The stock
 * codec (commons-compress) takes minutes to compress and seconds to decompress tens of megabytes.
 */
final class Lz4FrameCodec extends AbstractCompressionCodec {
    private static final int MAGIC = 0x184D2204;
    /** Version 01, independent blocks, no block or content checksum, no content size, no dictionary. */
    private static final byte FLAGS = 0x60;
    /** Blocks of at most 4 MB. */
    private static final byte BLOCK_DESCRIPTOR = 0x70;
    private static final int BLOCK_SIZE = 4 << 20;
    private static final byte HEADER_CHECKSUM = (byte) (xxHash32(new byte[] {FLAGS, BLOCK_DESCRIPTOR}) >>> 8);
    private static final long UNCOMPRESSED_LENGTH_BYTES = 8;

    @Override
    public CompressionUtil.CodecType getCodecType() {
        return CompressionUtil.CodecType.LZ4_FRAME;
    }

    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
        int length = Math.toIntExact(uncompressed.writerIndex());
        byte[] input = new byte[length];
        uncompressed.getBytes(0, input);
        Compressor compressor = CodecLibrary.lz4Compressor();
        int blocks = Math.max(1, (length + BLOCK_SIZE - 1) / BLOCK_SIZE);
        // Sized for this buffer's blocks, not for full 4 MB ones: most buffers are a few kilobytes.
        int largestBlock = Math.min(BLOCK_SIZE, length);
        byte[] output = new byte[7 + blocks * (4 + compressor.maxCompressedLength(largestBlock)) + 4];
        int position = writeIntLittleEndian(output, 0, MAGIC);
        output[position++] = FLAGS;
        output[position++] = BLOCK_DESCRIPTOR;
        output[position++] = HEADER_CHECKSUM;
        for (int start = 0; start < length; start += BLOCK_SIZE) {
            int size = Math.min(BLOCK_SIZE, length - start);
            int compressed = compressor.compress(input, start, size, output, position + 4, output.length - position - 4);
            if (compressed < size) {
                writeIntLittleEndian(output, position, compressed);
                position += 4 + compressed;
            } else {
                writeIntLittleEndian(output, position, size | 0x80000000);
                System.arraycopy(input, start, output, position + 4, size);
                position += 4 + size;
            }
        }
        position = writeIntLittleEndian(output, position, 0);
        ArrowBuf result = allocator.buffer(UNCOMPRESSED_LENGTH_BYTES + position);
        result.setBytes(UNCOMPRESSED_LENGTH_BYTES, output, 0, position);
        result.writerIndex(UNCOMPRESSED_LENGTH_BYTES + position);
        return result;
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
        long outputLength = readUncompressedLength(compressed);
        long inputLength = compressed.writerIndex() - UNCOMPRESSED_LENGTH_BYTES;
        if (outputLength < 0 || inputLength < 0 || outputLength > Integer.MAX_VALUE - 16
                || outputLength > inputLength * 255 + 1024) {
            throw new IllegalArgumentException("LZ4 body claims " + outputLength + " bytes from " + inputLength);
        }
        byte[] input = new byte[(int) inputLength];
        compressed.getBytes(UNCOMPRESSED_LENGTH_BYTES, input);
        byte[] output = Lz4FrameDecoder.decode(input, 0, input.length, (int) outputLength);
        ArrowBuf result = allocator.buffer(Math.max(8, outputLength));
        result.setBytes(0, output);
        result.writerIndex(outputLength);
        return result;
    }

    private static int writeIntLittleEndian(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }

    /** XXH32 with seed 0 of a short input (under 16 bytes), for the frame header's checksum byte. */
    static int xxHash32(byte[] input) {
        final int prime1 = 0x9E3779B1;
        final int prime2 = 0x85EBCA77;
        final int prime3 = 0xC2B2AE3D;
        final int prime4 = 0x27D4EB2F;
        final int prime5 = 0x165667B1;
        int hash = prime5 + input.length;
        int i = 0;
        for (; i + 4 <= input.length; i += 4) {
            int word = (input[i] & 0xFF) | (input[i + 1] & 0xFF) << 8 | (input[i + 2] & 0xFF) << 16
                    | (input[i + 3] & 0xFF) << 24;
            hash = Integer.rotateLeft(hash + word * prime3, 17) * prime4;
        }
        for (; i < input.length; i++) {
            hash = Integer.rotateLeft(hash + (input[i] & 0xFF) * prime5, 11) * prime1;
        }
        hash ^= hash >>> 15;
        hash *= prime2;
        hash ^= hash >>> 13;
        hash *= prime3;
        hash ^= hash >>> 16;
        return hash;
    }
}
