package dev.floe.pdsh;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The eight TPC-H tables with PDS-H's column names and types, so generator, writers and peers agree on them. */
public enum TpchTable {
    REGION(false, 5, 0, "r_regionkey:i", "r_name:s", "r_comment:s"),
    NATION(false, 25, 0, "n_nationkey:i", "n_name:s", "n_regionkey:i", "n_comment:s"),
    SUPPLIER(false, 0, 10_000, "s_suppkey:i", "s_name:s", "s_address:s", "s_nationkey:i", "s_phone:s",
            "s_acctbal:f", "s_comment:s"),
    CUSTOMER(false, 0, 150_000, "c_custkey:i", "c_name:s", "c_address:s", "c_nationkey:i", "c_phone:s",
            "c_acctbal:f", "c_mktsegment:s", "c_comment:s"),
    PART(false, 0, 200_000, "p_partkey:i", "p_name:s", "p_mfgr:s", "p_brand:s", "p_type:s", "p_size:i",
            "p_container:s", "p_retailprice:f", "p_comment:s"),
    PARTSUPP(false, 0, 800_000, "ps_partkey:i", "ps_suppkey:i", "ps_availqty:i", "ps_supplycost:f", "ps_comment:s"),
    ORDERS(true, 0, 1_500_000, "o_orderkey:i", "o_custkey:i", "o_orderstatus:s", "o_totalprice:f", "o_orderdate:d",
            "o_orderpriority:s", "o_clerk:s", "o_shippriority:i", "o_comment:s"),
    LINEITEM(true, 0, 6_000_000, "l_orderkey:i", "l_partkey:i", "l_suppkey:i", "l_linenumber:i", "l_quantity:f",
            "l_extendedprice:f", "l_discount:f", "l_tax:f", "l_returnflag:s", "l_linestatus:s", "l_shipdate:d",
            "l_commitdate:d", "l_receiptdate:d", "l_shipinstruct:s", "l_shipmode:s", "l_comment:s");

    private final boolean partitioned;
    private final long fixedRows;
    private final long rowsPerScaleFactor;
    private final Schema schema;

    TpchTable(boolean partitioned, long fixedRows, long rowsPerScaleFactor, String... columns) {
        this.partitioned = partitioned;
        this.fixedRows = fixedRows;
        this.rowsPerScaleFactor = rowsPerScaleFactor;
        List<Field> fields = new ArrayList<>(columns.length);
        for (String column : columns) {
            int colon = column.indexOf(':');
            DataType type = switch (column.charAt(colon + 1)) {
                case 'i' -> DataType.INT64;
                case 'f' -> DataType.FLOAT64;
                case 'd' -> DataType.DATE;
                case 's' -> DataType.STRING;
                default -> throw new IllegalStateException("unknown type code in " + column);
            };
            fields.add(new Field(column.substring(0, colon), type));
        }
        this.schema = new Schema(fields);
    }

    /** The table's name as PDS-H spells it, lower case: the directory name of its files. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Schema schema() {
        return schema;
    }

    /** Whether the table is split into {@link #partCount(double)} aligned parts (orders and lineitem). */
    public boolean partitioned() {
        return partitioned;
    }

    /** How many part files the table has at this scale factor: max(4, ceil(SF)) for orders and lineitem, else 1. */
    public int partCount(double scaleFactor) {
        return partitioned ? partsOfLargeTables(scaleFactor) : 1;
    }

    /** The number of parts of orders and lineitem at this scale factor: max(4, ceil(SF)). */
    public static int partsOfLargeTables(double scaleFactor) {
        return Math.max(4, (int) Math.ceil(scaleFactor));
    }

    /** The table's row count at this scale factor: exact except for lineitem, whose count is about 6M per SF. */
    public long approximateRows(double scaleFactor) {
        return fixedRows > 0 ? fixedRows : Math.max(1, (long) (rowsPerScaleFactor * scaleFactor));
    }

    /** The table named {@code name} (case-insensitive). */
    public static TpchTable byName(String name) {
        for (TpchTable table : values()) {
            if (table.tableName().equalsIgnoreCase(name)) {
                return table;
            }
        }
        throw FloeException.invalidArgument("unknown TPC-H table '" + name + "'; valid tables are region, nation,"
                + " supplier, customer, part, partsupp, orders, lineitem");
    }
}
