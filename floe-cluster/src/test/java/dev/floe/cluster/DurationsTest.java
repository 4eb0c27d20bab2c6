package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void wholeNumbersWithAUnit() {
        assertThat(Durations.parse("--x", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("--x", "30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("--x", " 6H ")).isEqualTo(Duration.ofHours(6));
        assertThat(Durations.parse("--x", "2d")).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void anythingElseNamesTheFlagAndTheValidForms() {
        for (String bad : new String[] {"6", "h", "0h", "-1h", "1.5h", "6w", "", "99999999999999999999d"}) {
            assertThatThrownBy(() -> Durations.parse("--result-retention", bad)).isInstanceOf(FloeException.class)
                    .hasMessageContaining("--result-retention").hasMessageContaining("6h");
        }
    }

    @Test
    void theCoordinatorTakesTheRetentionAsADurationOrInMinutes() {
        Set<String> known = Set.of("result-retention", "result-retention-minutes");
        assertThat(CoordinatorMain.retentionMillis(new CommandLine(new String[] {"--result-retention", "6h"}, known,
                "usage"))).isEqualTo(6 * 3_600_000L);
        assertThat(CoordinatorMain.retentionMillis(new CommandLine(new String[] {"--result-retention-minutes", "2"},
                known, "usage"))).isEqualTo(120_000L);
        assertThat(CoordinatorMain.retentionMillis(new CommandLine(new String[0], known, "usage")))
                .isEqualTo(6 * 3_600_000L);
    }
}
