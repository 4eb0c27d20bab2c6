package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns AWS SDK failures into FloeExceptions that say what went wrong with which location. */
final class S3Errors {
    private S3Errors() {
    }

    static FloeException translate(SdkException error, String action, String location) {
        return switch (error) {
            case NoSuchBucketException e -> new FloeException(ErrorCode.FILE_NOT_FOUND,
                    "bucket '" + S3Location.parse(location).bucket() + "' does not exist (" + action + " " + location
                            + ")", e);
            case NoSuchKeyException e -> new FloeException(ErrorCode.FILE_NOT_FOUND,
                    "object not found: " + location, e);
            case S3Exception e when e.statusCode() == 404 -> new FloeException(ErrorCode.FILE_NOT_FOUND,
                    "not found: " + location + " (" + errorCode(e) + ")", e);
            case S3Exception e when e.statusCode() == 403 -> new FloeException(ErrorCode.STORAGE_ERROR,
                    "access denied to " + location + " (" + errorCode(e) + "); check aws_access_key_id, "
                            + "aws_secret_access_key, aws_session_token and request_payer", e);
            case S3Exception e -> new FloeException(ErrorCode.STORAGE_ERROR,
                    "S3 refused to " + action + " " + location + ": HTTP " + e.statusCode() + " " + errorCode(e), e);
            case SdkClientException e -> new FloeException(ErrorCode.STORAGE_ERROR,
                    "cannot " + action + " " + location + ": " + e.getMessage(), e);
            default -> new FloeException(ErrorCode.STORAGE_ERROR,
                    "cannot " + action + " " + location + ": " + error.getMessage(), error);
        };
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
    }
}
