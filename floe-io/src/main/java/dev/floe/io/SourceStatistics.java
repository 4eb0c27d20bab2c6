package dev.floe.io;

/** What a source knows of its size before reading rows: files, row groups (or -1), rows and bytes (or -1). */
public record SourceStatistics(int files, long rowGroups, long rows, long bytes) {
}
