package dev.floe.io.parquet.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.CorruptPageException;
import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.RleBitPackedDecoder;
import dev.floe.io.parquet.encoding.ValueBuffer;
import dev.floe.io.parquet.encoding.ValueDecoders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Encoders and decoders agree: RLE hybrid, DELTA_BINARY_PACKED, DELTA_BYTE_ARRAY, and bad input is caught. */
class EncodingRoundTripTest {
    @Test
    void rleHybridRoundTripsMixedRunsAtEveryWidth() {
        SplittableRandom random = new SplittableRandom(7);
        for (int width = 1; width <= 32; width++) {
            int[] values = new int[1000];
            long max = width == 32 ? 0xFFFFFFFFL : (1L << width) - 1;
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 100 < 40 ? 1 : (int) random.nextLong(max + 1);
            }
            ByteSink sink = new ByteSink(16);
            RleEncoder.encode(values, 0, values.length, width, sink);
            int[] decoded = new int[values.length];
            RleBitPackedDecoder.decode(new ByteReader(sink.array(), 0, sink.size()), width, values.length, decoded, 0,
                    width == 32 ? -1 : (int) max);
            assertThat(decoded).as("width " + width).isEqualTo(values);
        }
    }

    @Test
    void rleValuesAboveTheMaximumAreCorrupt() {
        int[] values = {0, 1, 2, 3, 4, 5, 6, 7};
        ByteSink sink = new ByteSink(16);
        RleEncoder.encode(values, 0, values.length, 3, sink);
        assertThatThrownBy(() -> RleBitPackedDecoder.decode(new ByteReader(sink.array(), 0, sink.size()), 3, 8,
                new int[8], 0, 5)).isInstanceOf(CorruptPageException.class);
    }

    @Test
    void deltaBinaryPackedRoundTripsExtremes() {
        long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, 5, 5, 5, Long.MIN_VALUE, 42};
        ValueBuffer values = new ValueBuffer(PhysicalKind.INT64, 1000);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            values.longs[i] = i < longs.length ? longs[i] : random.nextLong();
        }
        values.count = 1000;
        ByteSink sink = new ByteSink(16);
        DeltaBinaryPackedEncoder.encode(values, 0, 1000, sink);
        ValueBuffer decoded = new ValueBuffer(PhysicalKind.INT64, 1);
        ValueDecoders.deltaBinaryPacked(new ByteReader(sink.array(), 0, sink.size()), 1000, decoded, new long[1000]);
        assertThat(Arrays.copyOf(decoded.longs, 1000)).isEqualTo(Arrays.copyOf(values.longs, 1000));

        ValueBuffer ints = new ValueBuffer(PhysicalKind.INT32, 300);
        for (int i = 0; i < 300; i++) {
            ints.ints[i] = i % 3 == 0 ? Integer.MIN_VALUE : i % 3 == 1 ? Integer.MAX_VALUE : random.nextInt();
        }
        ints.count = 300;
        sink.reset();
        DeltaBinaryPackedEncoder.encode(ints, 0, 300, sink);
        ValueBuffer decodedInts = new ValueBuffer(PhysicalKind.INT32, 1);
        ValueDecoders.deltaBinaryPacked(new ByteReader(sink.array(), 0, sink.size()), 300, decodedInts, new long[300]);
        assertThat(Arrays.copyOf(decodedInts.ints, 300)).isEqualTo(Arrays.copyOf(ints.ints, 300));
    }

    @Test
    void deltaByteArrayRebuildsValuesFromPrefixes() {
        String[] strings = {"apple", "applesauce", "apricot", "", "banana", "band", "bandana", "b"};
        ValueBuffer prefixes = new ValueBuffer(PhysicalKind.INT64, strings.length);
        ValueBuffer suffixLengths = new ValueBuffer(PhysicalKind.INT64, strings.length);
        ByteSink suffixes = new ByteSink(16);
        byte[] previous = new byte[0];
        for (int i = 0; i < strings.length; i++) {
            byte[] bytes = strings[i].getBytes(StandardCharsets.UTF_8);
            int prefix = 0;
            while (prefix < Math.min(previous.length, bytes.length) && previous[prefix] == bytes[prefix]) {
                prefix++;
            }
            prefixes.longs[i] = prefix;
            suffixLengths.longs[i] = bytes.length - prefix;
            suffixes.write(bytes, prefix, bytes.length - prefix);
            previous = bytes;
        }
        prefixes.count = strings.length;
        suffixLengths.count = strings.length;
        ByteSink page = new ByteSink(64);
        DeltaBinaryPackedEncoder.encode(prefixes, 0, strings.length, page);
        DeltaBinaryPackedEncoder.encode(suffixLengths, 0, strings.length, page);
        page.write(suffixes.array(), 0, suffixes.size());
        ValueBuffer decoded = new ValueBuffer(PhysicalKind.BYTES, 1);
        ValueDecoders.deltaByteArray(new ByteReader(page.array(), 0, page.size()), strings.length, decoded,
                new long[strings.length]);
        for (int i = 0; i < strings.length; i++) {
            String value = new String(decoded.bytes, decoded.offsets[i], decoded.offsets[i + 1] - decoded.offsets[i],
                    StandardCharsets.UTF_8);
            assertThat(value).isEqualTo(strings[i]);
        }
    }
}
