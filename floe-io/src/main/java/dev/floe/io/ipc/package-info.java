/**
 * Arrow IPC files and the Floe/Arrow bridge: {@link dev.floe.io.ipc.IpcTableSource#open} reads file and stream
 * format files, {@link dev.floe.io.ipc.IpcWriter} writes the file format, {@link dev.floe.io.ipc.ArrowConversion}
 * converts batches to and from Arrow roots (also for Arrow Flight), and {@link dev.floe.io.ipc.IpcFormat#register}
 * makes {@code TableSources.open} find the reader.
 */
package dev.floe.io.ipc;
