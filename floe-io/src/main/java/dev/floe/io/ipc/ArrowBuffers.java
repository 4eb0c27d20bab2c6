package dev.floe.io.ipc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/** Bulk copies between Java primitive arrays and Arrow buffers (little-endian, as Arrow requires). */
final class ArrowBuffers {
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private ArrowBuffers() {
    }

    /** The buffer's first {@code bytes} bytes as a memory segment (no copy). */
    static MemorySegment segment(ArrowBuf buffer, long bytes) {
        if (bytes == 0) {
            return MemorySegment.NULL;
        }
        if (buffer.capacity() < bytes) {
            throw new IllegalStateException("Arrow buffer of " + buffer.capacity() + " bytes is shorter than the "
                    + bytes + " bytes its vector needs");
        }
        return MemorySegment.ofAddress(buffer.memoryAddress()).reinterpret(bytes);
    }

    static ArrowBuf allocate(BufferAllocator allocator, long bytes) {
        return allocator.buffer(Math.max(8, (bytes + 7) & ~7L));
    }

    static ArrowBuf fromLongs(BufferAllocator allocator, long[] values, int count) {
        ArrowBuf buffer = allocate(allocator, count * 8L);
        MemorySegment.copy(values, 0, segment(buffer, count * 8L), LONG, 0, count);
        return buffer;
    }

    static ArrowBuf fromInts(BufferAllocator allocator, int[] values, int count) {
        ArrowBuf buffer = allocate(allocator, count * 4L);
        MemorySegment.copy(values, 0, segment(buffer, count * 4L), INT, 0, count);
        return buffer;
    }

    static ArrowBuf fromDoubles(BufferAllocator allocator, double[] values, int count) {
        ArrowBuf buffer = allocate(allocator, count * 8L);
        MemorySegment.copy(values, 0, segment(buffer, count * 8L), DOUBLE, 0, count);
        return buffer;
    }

    static ArrowBuf fromBytes(BufferAllocator allocator, byte[] values, int offset, int count) {
        ArrowBuf buffer = allocate(allocator, count);
        if (count > 0) {
            MemorySegment.copy(values, offset, segment(buffer, count), ValueLayout.JAVA_BYTE, 0, count);
        }
        return buffer;
    }

    /** A validity bitmap; Floe's words are Arrow's bytes in little-endian order. {@code null} means all valid. */
    static ArrowBuf validity(BufferAllocator allocator, long[] validity, int count) {
        int words = (count + 63) >>> 6;
        if (validity == null) {
            ArrowBuf buffer = allocate(allocator, words * 8L);
            buffer.setOne(0, buffer.capacity());
            return buffer;
        }
        return fromLongs(allocator, validity, words);
    }

    static long[] toLongs(ArrowBuf buffer, int count) {
        long[] values = new long[count];
        MemorySegment.copy(segment(buffer, count * 8L), LONG, 0, values, 0, count);
        return values;
    }

    static int[] toInts(ArrowBuf buffer, int count) {
        int[] values = new int[count];
        MemorySegment.copy(segment(buffer, count * 4L), INT, 0, values, 0, count);
        return values;
    }

    static double[] toDoubles(ArrowBuf buffer, int count) {
        double[] values = new double[count];
        MemorySegment.copy(segment(buffer, count * 8L), DOUBLE, 0, values, 0, count);
        return values;
    }

    static byte[] toBytes(ArrowBuf buffer, long offset, int count) {
        byte[] values = new byte[count];
        if (count > 0) {
            MemorySegment.copy(segment(buffer, offset + count), ValueLayout.JAVA_BYTE, offset, values, 0, count);
        }
        return values;
    }

    /** The validity of {@code count} rows, or {@code null} when none is null. */
    static long[] toValidity(ArrowBuf buffer, int count, long nullCount) {
        if (nullCount == 0 || count == 0) {
            return null;
        }
        int bytes = (count + 7) >>> 3;
        long[] words = new long[(count + 63) >>> 6];
        MemorySegment segment = segment(buffer, bytes);
        int fullWords = bytes >>> 3;
        MemorySegment.copy(segment, LONG, 0, words, 0, fullWords);
        for (int b = fullWords * 8; b < bytes; b++) {
            words[b >>> 3] |= (segment.get(ValueLayout.JAVA_BYTE, b) & 0xFFL) << ((b & 7) * 8);
        }
        return words;
    }
}
