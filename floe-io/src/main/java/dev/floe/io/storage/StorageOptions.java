package dev.floe.io.storage;

import dev.floe.core.FloeException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Object store settings under Polars' {@code storage_options} names. Unset values fall back to the AWS SDK's
 * defaults (the default credential chain and the standard {@code AWS_*} environment variables).
 */
public record StorageOptions(String region, String endpointUrl, String accessKeyId, String secretAccessKey,
        String sessionToken, boolean requestPayer, Boolean pathStyle) {

    public static final List<String> NAMES = List.of("aws_region", "aws_endpoint_url", "aws_access_key_id",
            "aws_secret_access_key", "aws_session_token", "request_payer", "aws_virtual_hosted_style_request",
            "aws_force_path_style");

    public static final StorageOptions DEFAULTS = new StorageOptions(null, null, null, null, null, false, null);

    /** The storage settings among {@code options} (keys starting with {@code aws_} or {@code request_payer}). */
    public static StorageOptions from(Map<String, String> options) {
        Map<String, String> relevant = new TreeMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith("aws_") || key.equals("request_payer")) {
                if (!NAMES.contains(key)) {
                    throw FloeException.invalidArgument("unknown storage option '" + key + "'; valid options are "
                            + NAMES);
                }
                relevant.put(key, value);
            }
        });
        Boolean pathStyle = null;
        if (relevant.containsKey("aws_force_path_style")) {
            pathStyle = parseBoolean("aws_force_path_style", relevant.get("aws_force_path_style"));
        }
        if (relevant.containsKey("aws_virtual_hosted_style_request")) {
            pathStyle = !parseBoolean("aws_virtual_hosted_style_request",
                    relevant.get("aws_virtual_hosted_style_request"));
        }
        return new StorageOptions(relevant.get("aws_region"), relevant.get("aws_endpoint_url"),
                relevant.get("aws_access_key_id"), relevant.get("aws_secret_access_key"),
                relevant.get("aws_session_token"),
                relevant.containsKey("request_payer") && parseBoolean("request_payer", relevant.get("request_payer")),
                pathStyle);
    }

    private static boolean parseBoolean(String name, String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw FloeException.invalidArgument("storage option '" + name + "' must be true or false, got '" + value + "'");
    }

    /** Option names whose values are secrets: never printed (explain, logs, error messages). */
    public static final List<String> SECRET_NAMES = List.of("aws_secret_access_key", "aws_session_token");

    /** {@code options} with the values of secret options replaced by {@code ***}, for printing. */
    public static Map<String, String> redact(Map<String, String> options) {
        if (SECRET_NAMES.stream().noneMatch(options::containsKey)) {
            return options;
        }
        Map<String, String> redacted = new TreeMap<>(options);
        for (String name : SECRET_NAMES) {
            redacted.computeIfPresent(name, (key, value) -> "***");
        }
        return java.util.Collections.unmodifiableMap(redacted);
    }

    @Override
    public String toString() {
        return "StorageOptions[region=" + region + ", endpointUrl=" + endpointUrl + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + (secretAccessKey == null ? null : "***") + ", sessionToken="
                + (sessionToken == null ? null : "***") + ", requestPayer=" + requestPayer + ", pathStyle="
                + pathStyle + "]";
    }

    /** Path-style addressing: as set, else on when a custom endpoint is given (S3-compatible servers). */
    public boolean usePathStyle() {
        return pathStyle != null ? pathStyle : endpointUrl != null;
    }
}
