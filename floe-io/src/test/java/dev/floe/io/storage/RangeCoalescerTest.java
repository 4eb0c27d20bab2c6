package dev.floe.io.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeCoalescerTest {
    @Test
    void mergesNearbyRangesAndKeepsFarOnesApart() {
        RangeCoalescer coalescer = new RangeCoalescer(100, 10_000);
        List<RangeCoalescer.Request> requests = coalescer.coalesce(List.of(
                new ByteRange(1000, 50), new ByteRange(0, 10), new ByteRange(1100, 20), new ByteRange(50, 10)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).range()).isEqualTo(new ByteRange(0, 60));
        assertThat(requests.get(0).members()).containsExactly(1, 3);
        assertThat(requests.get(1).range()).isEqualTo(new ByteRange(1000, 120));
        assertThat(requests.get(1).members()).containsExactly(0, 2);
    }

    @Test
    void respectsTheLargestRequest() {
        RangeCoalescer coalescer = new RangeCoalescer(100, 100);
        assertThat(coalescer.coalesce(List.of(new ByteRange(0, 80), new ByteRange(90, 80)))).hasSize(2);
    }
}
