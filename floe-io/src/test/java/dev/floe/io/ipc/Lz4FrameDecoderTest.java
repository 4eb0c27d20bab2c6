package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class Lz4FrameDecoderTest {
    /** A frame of linked blocks (flags 0x40) holding {@code block} as its only compressed block. */
    private static byte[] linkedFrame(byte[] block) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(new byte[] {0x04, 0x22, 0x4D, 0x18, 0x40, 0x70, 0});
        frame.writeBytes(littleEndian(block.length));
        frame.writeBytes(block);
        frame.writeBytes(littleEndian(0));
        return frame.toByteArray();
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    @Test
    void overlappingMatchesRepeatTheirPeriod() {
        // "abc", then a match of 10 at offset 3, then the literal "z".
        byte[] block = {0x36, 'a', 'b', 'c', 3, 0, 0x10, 'z'};
        byte[] out = Lz4FrameDecoder.decode(linkedFrame(block), 0, linkedFrame(block).length, 14);
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("abcabcabcabcaz");
    }

    @Test
    void runOfOneByteLongerThanFifteen() {
        // "a", then a match of 20 at offset 1 (15 + 4 + an extra length byte of 1), then "b".
        byte[] block = {0x1F, 'a', 1, 0, 1, 0x10, 'b'};
        byte[] out = Lz4FrameDecoder.decode(linkedFrame(block), 0, linkedFrame(block).length, 22);
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("a".repeat(21) + "b");
    }

    @Test
    void matchReachingBeforeTheOutputIsRejected() {
        byte[] block = {0x16, 'a', 5, 0, 0x10, 'b'};
        assertThatThrownBy(() -> Lz4FrameDecoder.decode(linkedFrame(block), 0, linkedFrame(block).length, 12))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void independentBlocksOfTheCodecRoundTrip() {
        Random random = new Random(7);
        byte[] data = new byte[3 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 4096 < 2048 ? 0 : random.nextInt(16));
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            ArrowBuf plain = allocator.buffer(data.length);
            plain.setBytes(0, data);
            plain.writerIndex(data.length);
            Lz4FrameCodec codec = new Lz4FrameCodec();
            ArrowBuf compressed = codec.compress(allocator, plain);
            assertThat(compressed.writerIndex()).isLessThan(data.length);
            ArrowBuf decompressed = codec.decompress(allocator, compressed);
            byte[] back = new byte[data.length];
            decompressed.getBytes(0, back);
            assertThat(back).isEqualTo(data);
            decompressed.close();
        }
    }
}
