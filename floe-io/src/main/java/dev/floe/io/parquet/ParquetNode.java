package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import java.util.List;
import org.apache.parquet.format.SchemaElement;

/**
 * A column of a Parquet file as Floe sees it, with the definition and repetition levels that tell, for each
 * level entry of its leaf columns, whether the value is null, empty or present.
 */
public sealed interface ParquetNode {
    String name();

    DataType type();

    /** The definition level at which this node holds a value (is not null). */
    int presentLevel();

    /** The leaf column whose levels describe this node's presence (its first leaf). */
    int firstLeaf();

    /** A primitive column: leaf {@code column} of the file's column chunks. */
    record Primitive(String name, DataType type, SchemaElement element, int column, int presentLevel,
            int repetitionLevel, List<String> path) implements ParquetNode {
        public int firstLeaf() {
            return column;
        }
    }

    /** A group of named children. */
    record Struct(String name, DataType.StructType type, List<ParquetNode> children, int presentLevel)
            implements ParquetNode {
        public int firstLeaf() {
            return children.getFirst().firstLeaf();
        }
    }

    /**
     * A list: present (possibly empty) at {@code presentLevel}, non-empty at {@code elementLevel}; its elements
     * repeat at {@code repetitionLevel}.
     */
    record ListNode(String name, DataType.ListType type, ParquetNode element, int presentLevel, int elementLevel,
            int repetitionLevel) implements ParquetNode {
        public int firstLeaf() {
            return element.firstLeaf();
        }
    }
}
