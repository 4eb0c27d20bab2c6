package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JoinKeysTest {
    private static final List<String> LEFT = List.of("a", "b");
    private static final List<String> RIGHT = List.of("x", "y");

    @Test
    void unplacedSidesHashOnAllTheKeys() {
        assertThat(JoinKeys.of(LEFT, RIGHT, Partitioning.NONE, Partitioning.NONE))
                .isEqualTo(new JoinKeys(LEFT, RIGHT));
    }

    @Test
    void aSideHashedOnSomeKeysKeepsItsPlacementAndTheOtherSideFollows() {
        assertThat(JoinKeys.of(LEFT, RIGHT, Partitioning.hashed(List.of("b")), Partitioning.NONE))
                .isEqualTo(new JoinKeys(List.of("b"), List.of("y")));
        assertThat(JoinKeys.of(LEFT, RIGHT, Partitioning.NONE, Partitioning.hashed(List.of("x"))))
                .isEqualTo(new JoinKeys(List.of("a"), List.of("x")));
    }

    @Test
    void aPlacementSharedByBothSidesWinsSoNeitherMoves() {
        Partitioning left = new Partitioning(List.of(List.of("a"), List.of("b")));
        assertThat(JoinKeys.of(LEFT, RIGHT, left, Partitioning.hashed(List.of("y"))))
                .isEqualTo(new JoinKeys(List.of("b"), List.of("y")));
    }

    @Test
    void aPlacementOnAColumnThatIsNotAKeyDoesNotCount() {
        assertThat(JoinKeys.of(LEFT, RIGHT, Partitioning.hashed(List.of("c")), Partitioning.NONE))
                .isEqualTo(new JoinKeys(LEFT, RIGHT));
    }
}
