package dev.floe.io.storage;

import dev.floe.core.FloeException;

/** An {@code s3://bucket/key} location split into bucket and key. */
public record S3Location(String bucket, String key) {
    public static final String SCHEME = "s3://";

    public static boolean isS3(String location) {
        return location.startsWith(SCHEME);
    }

    public static S3Location parse(String location) {
        if (!isS3(location)) {
            throw FloeException.invalidArgument("not an s3:// location: " + location);
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw FloeException.invalidArgument("an s3:// location needs a bucket: " + location
                    + " (expected s3://bucket/key)");
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    public String location() {
        return SCHEME + bucket + "/" + key;
    }
}
