/**
 * Floe's own Parquet reader (no parquet-java, no Hadoop).
 *
 * <p>Files are read through {@link dev.floe.io.storage.InputFile} (positioned reads locally, ranged GETs on
 * {@code s3://}): the footer with one tail read, each row group's needed column chunks with one
 * {@code readAll} (coalesced on object stores).
 *
 * <p>Reading: {@link dev.floe.io.parquet.ParquetMetadata} reads and validates a footer (Thrift structures of
 * parquet-format-structures) and maps the schema to Floe types ({@code ParquetSchemaReader}, {@code ParquetTypes},
 * Arrow/Floe key-value hints for time zones and durations). {@link dev.floe.io.parquet.ParquetTableSource} plans
 * row-group tasks pruned by statistics ({@code RowGroupPruner}) and hive partition values; each
 * {@code ParquetBatchReader} reads the needed column chunks of a row group together, {@code ColumnChunkDecoder}
 * decompresses ({@link dev.floe.io.parquet.ParquetCodecs}: native codecs where they load, {@link dev.floe.io.codec.CodecLibrary})
 * and decodes its pages into primitive arrays ({@code encoding} package), {@code DenseVectors} turns them into
 * Floe vectors and {@code VectorAssembler} places nulls and builds lists and structs from definition and
 * repetition levels. With a pushed-down predicate, its columns are decoded first ({@code PredicateSelection})
 * and, where that pays, the other columns only for the surviving rows ({@code RowSelection}); conjuncts on one
 * dictionary-encoded string column are evaluated once per dictionary entry and the rows selected from the
 * dictionary indices ({@code PredicateTerms}, {@code DictionaryPredicate}, {@code DictionaryChunkFilter}).
 *
 * <p>Writing lives in {@code dev.floe.io.parquet.write}.
 */
package dev.floe.io.parquet;
