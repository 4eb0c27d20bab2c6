package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/** An S3 object read by ranged GETs; its length comes from the listing, a suffix read or one HEAD. */
final class S3InputFile implements InputFile {
    private final S3ObjectStore store;
    private final S3Location location;
    private volatile long length;

    S3InputFile(S3ObjectStore store, S3Location location, long knownLength) {
        this.store = store;
        this.location = location;
        this.length = knownLength;
    }

    @Override
    public String location() {
        return location.location();
    }

    @Override
    public long length() {
        if (length < 0) {
            head();
        }
        return length;
    }

    /** The length and ETag: as the latest listing or HEAD of this store saw them, else from one HEAD now. */
    @Override
    public String version() {
        String known = store.knownVersion(location());
        if (known != null) {
            return known;
        }
        head();
        return store.knownVersion(location());
    }

    private void head() {
        try {
            var request = HeadObjectRequest.builder().bucket(location.bucket()).key(location.key());
            if (store.options().requestPayer()) {
                request.requestPayer(software.amazon.awssdk.services.s3.model.RequestPayer.REQUESTER);
            }
            var response = store.client().headObject(request.build());
            length = response.contentLength();
            store.rememberVersion(location(), response.contentLength(), response.eTag());
        } catch (SdkException e) {
            throw S3Errors.translate(e, "read", location());
        }
    }

    @Override
    public byte[] read(ByteRange range) {
        if (range.length() == 0) {
            return new byte[0];
        }
        byte[] bytes = get("bytes=" + range.offset() + "-" + (range.end() - 1));
        if (bytes.length != range.length()) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, location() + ": asked for bytes [" + range.offset()
                    + ", " + range.end() + ") and got " + bytes.length + " bytes (the object has " + length()
                    + " bytes)");
        }
        return bytes;
    }

    @Override
    public byte[] readTail(int count) {
        if (length >= 0) {
            return InputFile.super.readTail(count);
        }
        return get("bytes=-" + count);
    }

    private byte[] get(String rangeHeader) {
        store.acquire();
        try {
            var request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).range(rangeHeader);
            if (store.options().requestPayer()) {
                request.requestPayer(software.amazon.awssdk.services.s3.model.RequestPayer.REQUESTER);
            }
            var response = store.client().getObjectAsBytes(request.build());
            rememberLength(response.response());
            byte[] bytes = response.asByteArrayUnsafe();
            store.countFetched(bytes.length);
            return bytes;
        } catch (SdkException e) {
            throw S3Errors.translate(e, "read", location());
        } finally {
            store.release();
        }
    }

    private void rememberLength(GetObjectResponse response) {
        String contentRange = response.contentRange();
        if (length < 0 && contentRange != null) {
            int slash = contentRange.lastIndexOf('/');
            if (slash >= 0 && !contentRange.endsWith("*")) {
                length = Long.parseLong(contentRange.substring(slash + 1).trim());
            }
        }
    }

    @Override
    public List<byte[]> readAll(List<ByteRange> ranges) {
        List<RangeCoalescer.Request> requests = RangeCoalescer.DEFAULT.coalesce(ranges);
        List<Future<byte[]>> futures = new ArrayList<>(requests.size());
        for (RangeCoalescer.Request request : requests) {
            futures.add(store.executor().submit(() -> read(request.range())));
        }
        byte[][] out = new byte[ranges.size()][];
        try {
            for (int r = 0; r < requests.size(); r++) {
                RangeCoalescer.Request request = requests.get(r);
                byte[] merged = futures.get(r).get();
                for (int member : request.members()) {
                    ByteRange range = ranges.get(member);
                    int start = (int) (range.offset() - request.range().offset());
                    out[member] = Arrays.copyOfRange(merged, start, start + range.length());
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while reading " + location(), e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof FloeException floe) {
                throw floe;
            }
            throw new FloeException(ErrorCode.STORAGE_ERROR, "cannot read " + location() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        return Arrays.asList(out);
    }

    @Override
    public void close() {
        // Nothing is held open between requests.
    }
}
