/**
 * Parquet value and level encodings decoded into primitive arrays: the RLE / bit-packing hybrid, PLAIN,
 * dictionary indices, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT.
 */
package dev.floe.io.parquet.encoding;
