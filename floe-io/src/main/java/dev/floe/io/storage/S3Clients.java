package dev.floe.io.storage;

import dev.floe.core.FloeException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds S3 clients from {@link StorageOptions}: bounded timeouts (a dead server gives an error, not a
 * hang), the SDK's standard retries with backoff on throttling and 5xx, path-style addressing for
 * S3-compatible servers.
 */
final class S3Clients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private S3Clients() {
    }

    static S3Client create(StorageOptions options) {
        return create(options, System.getenv());
    }

    /**
     * A client for {@code options}; without {@code aws_endpoint_url}, the endpoint comes from the environment's
     * {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} (and then path-style addressing is on unless
     * the options say otherwise), so S3-compatible servers work with environment variables alone.
     */
    static S3Client create(StorageOptions options, Map<String, String> environment) {
        if (options.endpointUrl() == null) {
            String endpoint = environmentEndpoint(environment);
            if (endpoint != null) {
                options = new StorageOptions(options.region(), endpoint, options.accessKeyId(),
                        options.secretAccessKey(), options.sessionToken(), options.requestPayer(), options.pathStyle());
            }
        }
        var builder = S3Client.builder()
                .region(region(options))
                .credentialsProvider(credentials(options))
                .forcePathStyle(options.usePathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .maxConnections(64))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
        if (options.endpointUrl() != null) {
            try {
                builder.endpointOverride(URI.create(options.endpointUrl()));
            } catch (IllegalArgumentException e) {
                throw FloeException.invalidArgument("aws_endpoint_url (or AWS_ENDPOINT_URL) '" + options.endpointUrl()
                        + "' is not a valid URL (expected for example http://127.0.0.1:9000)");
            }
        }
        return builder.build();
    }

    static String environmentEndpoint(Map<String, String> environment) {
        for (String name : List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static Region region(StorageOptions options) {
        if (options.region() != null) {
            return Region.of(options.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException noRegionConfigured) {
            return Region.US_EAST_1;
        }
    }

    private static AwsCredentialsProvider credentials(StorageOptions options) {
        if (options.accessKeyId() == null && options.secretAccessKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (options.accessKeyId() == null || options.secretAccessKey() == null) {
            throw FloeException.invalidArgument("give both aws_access_key_id and aws_secret_access_key, or neither "
                    + "(to use the default credential chain)");
        }
        return StaticCredentialsProvider.create(options.sessionToken() == null
                ? AwsBasicCredentials.create(options.accessKeyId(), options.secretAccessKey())
                : AwsSessionCredentials.create(options.accessKeyId(), options.secretAccessKey(),
                        options.sessionToken()));
    }
}
