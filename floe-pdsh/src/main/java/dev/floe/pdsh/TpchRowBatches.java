package dev.floe.pdsh;

import dev.floe.pdsh.GeneratedColumn.Character;
import dev.floe.pdsh.GeneratedColumn.Date;
import dev.floe.pdsh.GeneratedColumn.Float64;
import dev.floe.pdsh.GeneratedColumn.Int64;
import dev.floe.pdsh.GeneratedColumn.Text;
import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.Region;
import io.trino.tpch.RegionGenerator;
import io.trino.tpch.Supplier;
import io.trino.tpch.SupplierGenerator;
import java.util.List;

/**
 * The PDS-H columns of each TPC-H table as accessors of the generator's row records, in {@link TpchTable}'s column
 * order; the expected text widths size the first buffers.
 */
final class TpchRowBatches {
    private static final List<GeneratedColumn<Region>> REGION = List.of(
            new Int64<>(Region::regionKey), new Text<>(Region::name, 12), new Text<>(Region::comment, 80));

    private static final List<GeneratedColumn<Nation>> NATION = List.of(
            new Int64<>(Nation::nationKey), new Text<>(Nation::name, 12), new Int64<>(Nation::regionKey),
            new Text<>(Nation::comment, 80));

    private static final List<GeneratedColumn<Supplier>> SUPPLIER = List.of(
            new Int64<>(Supplier::supplierKey), new Text<>(Supplier::name, 18), new Text<>(Supplier::address, 25),
            new Int64<>(Supplier::nationKey), new Text<>(Supplier::phone, 15),
            new Float64<>(Supplier::getAccountBalance), new Text<>(Supplier::comment, 63));

    private static final List<GeneratedColumn<Customer>> CUSTOMER = List.of(
            new Int64<>(Customer::customerKey), new Text<>(Customer::name, 18), new Text<>(Customer::address, 25),
            new Int64<>(Customer::nationKey), new Text<>(Customer::phone, 15),
            new Float64<>(Customer::accountBalance), new Text<>(Customer::marketSegment, 10),
            new Text<>(Customer::comment, 73));

    private static final List<GeneratedColumn<Part>> PART = List.of(
            new Int64<>(Part::partKey), new Text<>(Part::name, 33), new Text<>(Part::manufacturer, 14),
            new Text<>(Part::brand, 8), new Text<>(Part::type, 21), new Int64<>(Part::size),
            new Text<>(Part::container, 8), new Float64<>(Part::retailPrice), new Text<>(Part::comment, 14));

    private static final List<GeneratedColumn<PartSupplier>> PARTSUPP = List.of(
            new Int64<>(PartSupplier::partKey), new Int64<>(PartSupplier::supplierKey),
            new Int64<>(PartSupplier::availableQuantity), new Float64<>(PartSupplier::getSupplyCost),
            new Text<>(PartSupplier::comment, 125));

    private static final List<GeneratedColumn<Order>> ORDERS = List.of(
            new Int64<>(Order::orderKey), new Int64<>(Order::customerKey), new Character<>(Order::orderStatus),
            new Float64<>(Order::totalPrice), new Date<>(Order::orderDate), new Text<>(Order::orderPriority, 9),
            new Text<>(Order::clerk, 15), new Int64<>(Order::shipPriority), new Text<>(Order::comment, 49));

    private static final List<GeneratedColumn<LineItem>> LINEITEM = List.of(
            new Int64<>(LineItem::orderKey), new Int64<>(LineItem::partKey), new Int64<>(LineItem::supplierKey),
            new Int64<>(LineItem::lineNumber), new Float64<>(LineItem::quantity),
            new Float64<>(LineItem::extendedPrice), new Float64<>(LineItem::discount), new Float64<>(LineItem::tax),
            new Text<>(LineItem::returnFlag, 1), new Text<>(LineItem::status, 1), new Date<>(LineItem::shipDate),
            new Date<>(LineItem::commitDate), new Date<>(LineItem::receiptDate),
            new Text<>(LineItem::shipInstructions, 12), new Text<>(LineItem::shipMode, 5),
            new Text<>(LineItem::comment, 27));

    private TpchRowBatches() {
    }

    /** Batches of one part ({@code part} in 1..partCount, the generator's numbering) of {@code table}. */
    static TableBatches<?> of(TpchTable table, double scaleFactor, int part, int partCount, int batchSize) {
        return switch (table) {
            case REGION -> batches(new RegionGenerator(), table, REGION, batchSize);
            case NATION -> batches(new NationGenerator(), table, NATION, batchSize);
            case SUPPLIER -> batches(new SupplierGenerator(scaleFactor, part, partCount), table, SUPPLIER, batchSize);
            case CUSTOMER -> batches(new CustomerGenerator(scaleFactor, part, partCount), table, CUSTOMER, batchSize);
            case PART -> batches(new PartGenerator(scaleFactor, part, partCount), table, PART, batchSize);
            case PARTSUPP ->
                    batches(new PartSupplierGenerator(scaleFactor, part, partCount), table, PARTSUPP, batchSize);
            case ORDERS -> batches(new OrderGenerator(scaleFactor, part, partCount), table, ORDERS, batchSize);
            case LINEITEM -> batches(new LineItemGenerator(scaleFactor, part, partCount), table, LINEITEM, batchSize);
        };
    }

    private static <R> TableBatches<R> batches(
            Iterable<R> rows, TpchTable table, List<GeneratedColumn<R>> columns, int batchSize) {
        return new TableBatches<>(rows, table.schema(), columns, batchSize);
    }
}
