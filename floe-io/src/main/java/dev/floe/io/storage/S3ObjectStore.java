package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible object store through the AWS SDK v2: paginated listings, ranged reads with at most
 * {@link #MAX_REQUESTS_IN_FLIGHT} requests under way, multipart uploads for large writes.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
    public static final int MAX_REQUESTS_IN_FLIGHT = 16;
    private static final int MAX_REMEMBERED_VERSIONS = 100_000;

    private final StorageOptions options;
    private final S3Client client;
    private final Semaphore inFlight = new Semaphore(MAX_REQUESTS_IN_FLIGHT);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong bytesFetched = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    /** Length and ETag of objects as the latest listing or HEAD saw them (bounded, least recently used out). */
    private final Map<String, String> versions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MAX_REMEMBERED_VERSIONS;
                }
            });

    public S3ObjectStore(StorageOptions options) {
        this.options = options;
        this.client = S3Clients.create(options);
    }

    StorageOptions options() {
        return options;
    }

    S3Client client() {
        return client;
    }

    ExecutorService executor() {
        return executor;
    }

    void acquire() {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while waiting to read from S3", e);
        }
    }

    void release() {
        inFlight.release();
    }

    void countFetched(long bytes) {
        bytesFetched.addAndGet(bytes);
        requests.incrementAndGet();
    }

    /** Records what a listing or HEAD said of an object: its version is its length and ETag. */
    void rememberVersion(String location, long size, String eTag) {
        if (eTag != null && !eTag.isEmpty()) {
            versions.put(location, size + ":" + eTag);
        } else {
            versions.remove(location);
        }
    }

    /** The object's length and ETag as last listed or HEADed through this store, or null. */
    String knownVersion(String location) {
        return versions.get(location);
    }

    /** Bytes received by GET requests since this store was created (for benchmarks: what pruning saved). */
    public long bytesFetched() {
        return bytesFetched.get();
    }

    /** GET requests made since this store was created. */
    public long getRequests() {
        return requests.get();
    }

    @Override
    public InputFile open(String location) {
        return new S3InputFile(this, S3Location.parse(location), -1);
    }

    /** Opens an object whose size a listing already told. */
    public InputFile open(StoredObject object) {
        return new S3InputFile(this, S3Location.parse(object.location()), object.size());
    }

    @Override
    public List<StoredObject> list(String prefix) {
        S3Location location = S3Location.parse(prefix);
        var request = ListObjectsV2Request.builder().bucket(location.bucket()).prefix(location.key());
        if (options.requestPayer()) {
            request.requestPayer(RequestPayer.REQUESTER);
        }
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(request.build()).contents()) {
                if (!object.key().endsWith("/")) {
                    String objectLocation = S3Location.SCHEME + location.bucket() + "/" + object.key();
                    objects.add(new StoredObject(objectLocation, object.size()));
                    rememberVersion(objectLocation, object.size(), object.eTag());
                }
            }
        } catch (SdkException e) {
            throw S3Errors.translate(e, "list", prefix);
        }
        objects.sort(Comparator.comparing(StoredObject::location));
        return objects;
    }

    @Override
    public boolean exists(String location) {
        S3Location parsed = S3Location.parse(location);
        try {
            var request = HeadObjectRequest.builder().bucket(parsed.bucket()).key(parsed.key());
            if (options.requestPayer()) {
                request.requestPayer(RequestPayer.REQUESTER);
            }
            var response = client.headObject(request.build());
            rememberVersion(location, response.contentLength(), response.eTag());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())) {
                return false;
            }
            throw S3Errors.translate(e, "check", location);
        } catch (SdkException e) {
            throw S3Errors.translate(e, "check", location);
        }
    }

    @Override
    public OutputStream create(String location) {
        return new S3OutputStream(this, S3Location.parse(location), S3OutputStream.DEFAULT_PART_SIZE);
    }

    @Override
    public void deleteAll(String prefix) {
        List<StoredObject> objects = list(prefix);
        String bucket = S3Location.parse(prefix).bucket();
        for (int start = 0; start < objects.size(); start += 1000) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (StoredObject object : objects.subList(start, Math.min(objects.size(), start + 1000))) {
                batch.add(ObjectIdentifier.builder().key(S3Location.parse(object.location()).key()).build());
            }
            try {
                client.deleteObjects(DeleteObjectsRequest.builder().bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()).build());
            } catch (SdkException e) {
                throw S3Errors.translate(e, "delete", prefix);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        client.close();
    }
}
