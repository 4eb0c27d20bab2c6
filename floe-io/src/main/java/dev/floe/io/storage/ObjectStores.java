package dev.floe.io.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store for a location: {@code s3://} locations go to an S3 store built from the storage options
 * (clients are cached per distinct options, since building one is costly), anything else to the local file
 * system.
 */
public final class ObjectStores {
    private static final Map<StorageOptions, S3ObjectStore> S3_STORES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ObjectStores::closeAll, "floe-object-stores-close"));
    }

    private ObjectStores() {
    }

    public static ObjectStore forLocation(String location, Map<String, String> options) {
        if (!S3Location.isS3(location)) {
            return LocalObjectStore.INSTANCE;
        }
        return S3_STORES.computeIfAbsent(StorageOptions.from(options), S3ObjectStore::new);
    }

    public static boolean isRemote(String location) {
        return S3Location.isS3(location);
    }

    /** Closes every cached client (tests that stop a server call this to start from clean connections). */
    public static void closeAll() {
        for (S3ObjectStore store : S3_STORES.values()) {
            store.close();
        }
        S3_STORES.clear();
    }
}
