package dev.floe.cluster.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a partitioned join hashes its sides on: all its keys, or, when a side's rows are already hashed on
 * some of its keys, those keys and the matching keys of the other side, so that side needs no new exchange
 * (rows equal on all the keys are equal on those, so they still meet in one partition).
 */
record JoinKeys(List<String> left, List<String> right) {
    JoinKeys {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /**
     * The keys to hash on, given how each side is placed: first a placement shared by both sides (no exchange),
     * then one that keeps the left or the right side in place, else all the keys.
     */
    static JoinKeys of(List<String> leftKeys, List<String> rightKeys, Partitioning left, Partitioning right) {
        for (List<String> placed : left.keySets()) {
            List<String> matching = matching(placed, leftKeys, rightKeys);
            if (matching != null && right.hashedOn(matching)) {
                return new JoinKeys(placed, matching);
            }
        }
        for (List<String> placed : left.keySets()) {
            List<String> matching = matching(placed, leftKeys, rightKeys);
            if (matching != null) {
                return new JoinKeys(placed, matching);
            }
        }
        for (List<String> placed : right.keySets()) {
            List<String> matching = matching(placed, rightKeys, leftKeys);
            if (matching != null) {
                return new JoinKeys(matching, placed);
            }
        }
        return new JoinKeys(leftKeys, rightKeys);
    }

    /** The keys of the other side paired with {@code placed}, or null when a column of it is not a key. */
    private static List<String> matching(List<String> placed, List<String> keys, List<String> otherKeys) {
        List<String> result = new ArrayList<>();
        for (String column : placed) {
            int index = keys.indexOf(column);
            if (index < 0) {
                return null;
            }
            result.add(otherKeys.get(index));
        }
        return result;
    }
}
