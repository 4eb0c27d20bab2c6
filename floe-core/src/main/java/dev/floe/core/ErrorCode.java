package dev.floe.core;

/** What went wrong, in a form programs can branch on; every {@link FloeException} carries one. */
public enum ErrorCode {
    /** A column name that does not exist in the input schema. */
    COLUMN_NOT_FOUND,
    /** Two output columns with the same name. */
    DUPLICATE_COLUMN,
    /** An operation applied to types it does not accept. */
    TYPE_MISMATCH,
    /** A bad argument to an API call or a command. */
    INVALID_ARGUMENT,
    /** A plan that cannot be resolved, decoded or executed as written. */
    INVALID_PLAN,
    /** Schemas of inputs that must agree do not. */
    SCHEMA_MISMATCH,
    /** A file or object that does not exist. */
    FILE_NOT_FOUND,
    /** A file whose bytes are not what its format says they must be. */
    CORRUPT_FILE,
    /** Reading or writing failed below the format (disk, network). */
    IO_ERROR,
    /** A value could not be computed (overflow in a checked cast, a bad regex, ...). */
    COMPUTE_ERROR,
    /** The query was canceled. */
    CANCELED,
    /** A cluster component (coordinator, worker, RPC) failed. */
    CLUSTER_ERROR,
    /** Object storage (S3) refused or failed a request. */
    STORAGE_ERROR,
    /** An invariant of Floe itself broke: this is a bug, please report it. */
    INTERNAL
}
