package dev.floe.pdsh;

import dev.floe.Floe;
import dev.floe.LazyFrame;
import dev.floe.ScanOptions;
import java.util.Map;

/**
 * The eight PDS-H tables of one scale factor, scanned lazily from {@code <location>/<table>/*.parquet} — a
 * local directory such as {@code data/sf1} or an {@code s3://bucket/prefix/sf1} prefix with storage options.
 */
public record PdshTables(String location, Map<String, String> storageOptions) {
    public PdshTables {
        location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        storageOptions = Map.copyOf(storageOptions);
    }

    /** The tables of scale factor {@code scaleFactor} under a data root laid out by {@link PdshGenerator}. */
    public static PdshTables of(String dataRoot, double scaleFactor, Map<String, String> storageOptions) {
        String root = dataRoot.endsWith("/") ? dataRoot.substring(0, dataRoot.length() - 1) : dataRoot;
        return new PdshTables(root + "/" + PdshGenerator.scaleFactorDirectoryName(scaleFactor), storageOptions);
    }

    public LazyFrame table(TpchTable table) {
        ScanOptions options = ScanOptions.defaults();
        for (Map.Entry<String, String> option : storageOptions.entrySet()) {
            options = options.with(option.getKey(), option.getValue());
        }
        return Floe.scanParquet(location + "/" + table.tableName() + "/*.parquet", options);
    }

    public LazyFrame region() {
        return table(TpchTable.REGION);
    }

    public LazyFrame nation() {
        return table(TpchTable.NATION);
    }

    public LazyFrame supplier() {
        return table(TpchTable.SUPPLIER);
    }

    public LazyFrame customer() {
        return table(TpchTable.CUSTOMER);
    }

    public LazyFrame part() {
        return table(TpchTable.PART);
    }

    public LazyFrame partsupp() {
        return table(TpchTable.PARTSUPP);
    }

    public LazyFrame orders() {
        return table(TpchTable.ORDERS);
    }

    public LazyFrame lineitem() {
        return table(TpchTable.LINEITEM);
    }
}
