package dev.floe.io.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges byte ranges that lie close together into fewer, larger requests: one GET for two column chunks
 * separated by a small gap costs less than two round trips. Ranges further apart than {@code maxGap}, or a
 * merge that would exceed {@code maxRequest} bytes, start a new request.
 */
public record RangeCoalescer(int maxGap, int maxRequest) {
    public static final RangeCoalescer DEFAULT = new RangeCoalescer(1 << 20, 64 << 20);

    /** A merged request and, for each original range it serves, that range's index in the input. */
    public record Request(ByteRange range, List<Integer> members) {
    }

    public List<Request> coalesce(List<ByteRange> ranges) {
        List<Integer> order = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> ranges.get(i).offset()));
        List<Request> requests = new ArrayList<>();
        long start = -1;
        long end = -1;
        List<Integer> members = new ArrayList<>();
        for (int index : order) {
            ByteRange range = ranges.get(index);
            boolean fits = start >= 0 && range.offset() - end <= maxGap
                    && Math.max(end, range.end()) - start <= maxRequest;
            if (!fits && start >= 0) {
                requests.add(new Request(new ByteRange(start, (int) (end - start)), members));
                members = new ArrayList<>();
                start = -1;
            }
            if (start < 0) {
                start = range.offset();
                end = range.end();
            } else {
                end = Math.max(end, range.end());
            }
            members.add(index);
        }
        if (start >= 0) {
            requests.add(new Request(new ByteRange(start, (int) (end - start)), members));
        }
        return requests;
    }
}
