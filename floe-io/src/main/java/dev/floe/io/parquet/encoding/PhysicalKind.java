package dev.floe.io.parquet.encoding;

/** How decoded values of a Parquet physical type are held: which primitive array of a {@link ValueBuffer}. */
public enum PhysicalKind {
    BOOLEAN, INT32, INT64, FLOAT, DOUBLE, BYTES
}
