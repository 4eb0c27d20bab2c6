package dev.floe.io;

/** The file formats Floe reads and writes. */
public enum FileFormat {
    PARQUET("parquet"),
    CSV("csv"),
    IPC("arrow");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }
}
