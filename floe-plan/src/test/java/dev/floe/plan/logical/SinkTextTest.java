package dev.floe.plan.logical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.plan.dsl.DslPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans are printed into logs and errors: a sink's credentials must never be part of that text. */
class SinkTextTest {
    private static final Map<String, String> OPTIONS = Map.of("aws_access_key_id", "AKIAEXAMPLE",
            "aws_secret_access_key", "very-secret-key", "aws_session_token", "session-secret", "compression", "zstd");

    @Test
    void aLogicalSinkPrintsItsOptionsWithTheSecretsMasked() {
        Sink sink = new Sink(new InMemory(Schema.EMPTY, List.of()), FileFormat.PARQUET, "s3://bucket/out", OPTIONS);

        assertThat(sink.toString()).contains("s3://bucket/out", "AKIAEXAMPLE", "compression=zstd", "***")
                .doesNotContain("very-secret-key", "session-secret");
        assertThat(sink.options()).containsEntry("aws_secret_access_key", "very-secret-key");
    }

    @Test
    void aDslSinkPrintsItsOptionsWithTheSecretsMasked() {
        DslPlan.Sink sink = new DslPlan.Sink(new DslPlan.InMemory(Schema.EMPTY, List.of()), FileFormat.CSV,
                "s3://bucket/out.csv", OPTIONS);

        assertThat(sink.toString()).contains("s3://bucket/out.csv", "***")
                .doesNotContain("very-secret-key", "session-secret");
        assertThat(sink.options()).containsEntry("aws_session_token", "session-secret");
    }
}
