package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Writes an S3 object: small objects with one PUT on close; once more than a part's worth of bytes has been
 * written, a multipart upload (parts of {@code partSize} bytes, at least S3's 5 MiB minimum) completed on
 * close and aborted on failure, so no half-written object ever becomes visible.
 */
final class S3OutputStream extends OutputStream {
    static final int DEFAULT_PART_SIZE = 8 << 20;
    static final int MINIMUM_PART_SIZE = 5 << 20;

    private final S3ObjectStore store;
    private final S3Location location;
    private final int partSize;
    private byte[] buffer;
    private int size;
    private String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private boolean closed;

    S3OutputStream(S3ObjectStore store, S3Location location, int partSize) {
        if (partSize < MINIMUM_PART_SIZE) {
            throw FloeException.invalidArgument("S3 multipart parts must be at least 5 MiB, got " + partSize);
        }
        this.store = store;
        this.location = location;
        this.partSize = partSize;
        this.buffer = new byte[Math.min(partSize, 1 << 20)];
    }

    @Override
    public void write(int value) {
        write(new byte[] {(byte) value}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (closed) {
            throw new FloeException(ErrorCode.IO_ERROR, "write to a closed stream for " + location.location());
        }
        while (length > 0) {
            if (size == partSize) {
                uploadPart();
            }
            int room = partSize - size;
            if (buffer.length < partSize && size + Math.min(room, length) > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(partSize, Math.max(buffer.length * 2L,
                        size + (long) Math.min(room, length))));
            }
            int chunk = Math.min(room, length);
            System.arraycopy(bytes, offset, buffer, size, chunk);
            size += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    private void uploadPart() {
        try {
            if (uploadId == null) {
                uploadId = store.client().createMultipartUpload(CreateMultipartUploadRequest.builder()
                        .bucket(location.bucket()).key(location.key()).build()).uploadId();
            }
            int number = parts.size() + 1;
            String etag = store.client().uploadPart(UploadPartRequest.builder().bucket(location.bucket())
                    .key(location.key()).uploadId(uploadId).partNumber(number).build(),
                    RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, size))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            size = 0;
        } catch (SdkException e) {
            abort();
            throw S3Errors.translate(e, "write", location.location());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uploadId == null) {
                store.client().putObject(PutObjectRequest.builder().bucket(location.bucket()).key(location.key())
                        .build(), RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, size)));
                return;
            }
            if (size > 0) {
                uploadPart();
            }
            store.client().completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                    .bucket(location.bucket()).key(location.key()).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build());
        } catch (SdkException e) {
            abort();
            throw S3Errors.translate(e, "write", location.location());
        } finally {
            buffer = null;
        }
    }

    private void abort() {
        if (uploadId == null) {
            return;
        }
        try {
            store.client().abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(location.bucket())
                    .key(location.key()).uploadId(uploadId).build());
        } catch (SdkException ignored) {
            // The upload failed already; the original error is the one to report.
        }
        uploadId = null;
    }
}
