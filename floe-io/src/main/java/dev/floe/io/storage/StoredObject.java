package dev.floe.io.storage;

/** A file or object found by listing: its full location ({@code /path} or {@code s3://bucket/key}) and size. */
public record StoredObject(String location, long size) {
}
