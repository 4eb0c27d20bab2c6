package dev.floe.plan.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.plan.logical.LogicalPlan;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MalformedInputTest {
    private static void rejects(byte[] bytes) {
        assertThatThrownBy(() -> PlanCodec.decode(bytes)).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN));
    }

    /** Decoding either succeeds or fails with INVALID_PLAN; nothing else escapes. */
    private static void decodesOrRejects(byte[] bytes) {
        try {
            PlanCodec.decode(bytes);
        } catch (FloeException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        }
    }

    @Test
    void rejectsEmptyNullAndForeignBytes() {
        rejects(new byte[0]);
        rejects(null);
        rejects("hello world, not a plan".getBytes());
        assertThatThrownBy(() -> PlanCodec.decode(new byte[] {'F', 'L', 'O', 'E', 9, 1, 0}))
                .hasMessageContaining("version 9");
    }

    @Test
    void rejectsADslPlanWhereALogicalPlanIsExpected() {
        byte[] dsl = DslCodec.encode(new dev.floe.plan.dsl.DslPlan.Scan(Samples.source()));
        assertThatThrownBy(() -> PlanCodec.decode(dsl)).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN)).hasMessageContaining("kind");
    }

    @Test
    void rejectsEveryTruncationOfEveryPlan() {
        for (LogicalPlan plan : Samples.plans()) {
            byte[] bytes = PlanCodec.encode(plan);
            for (int length = 0; length < bytes.length; length++) {
                rejects(Arrays.copyOf(bytes, length));
            }
        }
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] bytes = PlanCodec.encode(Samples.plans().getFirst());
        rejects(Arrays.copyOf(bytes, bytes.length + 1));
    }

    @Test
    void survivesCorruptedBytesAndLyingLengths() {
        Random random = new Random(42);
        for (LogicalPlan plan : Samples.plans()) {
            byte[] original = PlanCodec.encode(plan);
            for (int trial = 0; trial < 200; trial++) {
                byte[] corrupted = original.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int position = 6 + random.nextInt(corrupted.length - 6);
                    corrupted[position] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                }
                decodesOrRejects(corrupted);
            }
        }
    }

    @Test
    void rejectsDeepNesting() {
        byte[] bytes = new byte[6 + 100_000];
        bytes[0] = 'F';
        bytes[1] = 'L';
        bytes[2] = 'O';
        bytes[3] = 'E';
        bytes[4] = 1;
        bytes[5] = 1;
        Arrays.fill(bytes, 6, bytes.length, (byte) 12);
        assertThatThrownBy(() -> PlanCodec.decode(bytes)).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN)).hasMessageContaining("nesting");
    }

    @Test
    void rejectsRandomGarbageAfterAValidHeader() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bytes = new byte[6 + random.nextInt(64)];
            random.nextBytes(bytes);
            bytes[0] = 'F';
            bytes[1] = 'L';
            bytes[2] = 'O';
            bytes[3] = 'E';
            bytes[4] = 1;
            bytes[5] = 1;
            decodesOrRejects(bytes);
        }
    }
}
