package dev.floe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live progress lines are printed in a terminal or when asked, never in tests and pipes by default. */
class ProgressOptionTest {
    @Test
    void offWhenNotInATerminalUnlessAsked() {
        try (ComputeContext automatic = ComputeContext.builder().build();
                ComputeContext asked = ComputeContext.builder().progress(true).build();
                ComputeContext refused = ComputeContext.builder().progress(false).build()) {
            assertThat(automatic.showsProgress()).isFalse();
            assertThat(asked.showsProgress()).isTrue();
            assertThat(refused.showsProgress()).isFalse();
        }
    }
}
