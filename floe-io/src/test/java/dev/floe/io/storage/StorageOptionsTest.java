package dev.floe.io.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret storage options never show when options, storage settings or scan sources are printed. */
class StorageOptionsTest {
    private static final Map<String, String> OPTIONS = Map.of("aws_access_key_id", "key-id",
            "aws_secret_access_key", "the-secret", "aws_session_token", "the-token", "aws_region", "eu-west-1");

    @Test
    void redactHidesSecretsAndKeepsTheRest() {
        Map<String, String> redacted = StorageOptions.redact(OPTIONS);
        assertThat(redacted).containsEntry("aws_secret_access_key", "***").containsEntry("aws_session_token", "***")
                .containsEntry("aws_access_key_id", "key-id").containsEntry("aws_region", "eu-west-1");
        Map<String, String> plain = Map.of("separator", ";");
        assertThat(StorageOptions.redact(plain)).isSameAs(plain);
    }

    @Test
    void printedSettingsAndSourcesHideSecrets() {
        assertThat(StorageOptions.from(OPTIONS).toString()).contains("key-id").doesNotContain("the-secret")
                .doesNotContain("the-token");
        assertThat(new ScanSource(FileFormat.PARQUET, List.of("s3://b/k"), OPTIONS).toString()).contains("s3://b/k")
                .doesNotContain("the-secret").doesNotContain("the-token");
    }
}
