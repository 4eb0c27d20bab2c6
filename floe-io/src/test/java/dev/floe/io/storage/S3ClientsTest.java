package dev.floe.io.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The environment's endpoint variables reach S3-compatible servers when no aws_endpoint_url is given. */
class S3ClientsTest {
    @Test
    void theEndpointComesFromTheEnvironmentWhenNotGiven() {
        S3MockServer server = S3MockServer.get();
        String bucket = server.createBucket("floe-env-endpoint");
        StorageOptions credentialsOnly = StorageOptions.from(Map.of("aws_access_key_id", "floe",
                "aws_secret_access_key", "floe-secret", "aws_region", "us-east-1"));
        try (S3Client client = S3Clients.create(credentialsOnly, Map.of("AWS_ENDPOINT_URL", server.endpoint()))) {
            assertThat(client.listBuckets().buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo(bucket));
        }
    }

    @Test
    void theServiceSpecificVariableWinsAndAGivenOptionWinsOverBoth() {
        assertThat(S3Clients.environmentEndpoint(Map.of("AWS_ENDPOINT_URL", "http://a", "AWS_ENDPOINT_URL_S3",
                "http://b"))).isEqualTo("http://b");
        assertThat(S3Clients.environmentEndpoint(Map.of("AWS_ENDPOINT_URL", " http://a "))).isEqualTo("http://a");
        assertThat(S3Clients.environmentEndpoint(Map.of())).isNull();
    }
}
