package dev.floe.pdsh;

import dev.floe.pdsh.ColumnBuffers.Dates;
import dev.floe.pdsh.ColumnBuffers.Doubles;
import dev.floe.pdsh.ColumnBuffers.Longs;
import dev.floe.pdsh.ColumnBuffers.Strings;
import dev.floe.core.vector.Vector;
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
import java.util.Iterator;
import java.util.List;

/** The per-table copy loops from the TPC-H generator's row records into PDS-H typed column buffers. */
final class TpchRowBatches {
    private TpchRowBatches() {
    }

    /** Batches of one part ({@code part} in 1..partCount, the generator's numbering) of {@code table}. */
    static TableBatches<?> of(TpchTable table, double scaleFactor, int part, int partCount, int batchSize) {
        return switch (table) {
            case REGION -> regions(new RegionGenerator(), batchSize);
            case NATION -> nations(new NationGenerator(), batchSize);
            case SUPPLIER -> suppliers(new SupplierGenerator(scaleFactor, part, partCount), batchSize);
            case CUSTOMER -> customers(new CustomerGenerator(scaleFactor, part, partCount), batchSize);
            case PART -> parts(new PartGenerator(scaleFactor, part, partCount), batchSize);
            case PARTSUPP -> partSuppliers(new PartSupplierGenerator(scaleFactor, part, partCount), batchSize);
            case ORDERS -> orders(new OrderGenerator(scaleFactor, part, partCount), batchSize);
            case LINEITEM -> lineItems(new LineItemGenerator(scaleFactor, part, partCount), batchSize);
        };
    }

    private static TableBatches<Region> regions(Iterable<Region> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.REGION.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<Region> source, int limit) {
                Longs key = new Longs(limit);
                Strings name = new Strings(limit, 12);
                Strings comment = new Strings(limit, 80);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    Region row = source.next();
                    key.add(row.regionKey());
                    name.add(row.name());
                    comment.add(row.comment());
                }
                return List.of(key.build(), name.build(), comment.build());
            }
        };
    }

    private static TableBatches<Nation> nations(Iterable<Nation> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.NATION.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<Nation> source, int limit) {
                Longs key = new Longs(limit);
                Strings name = new Strings(limit, 12);
                Longs region = new Longs(limit);
                Strings comment = new Strings(limit, 80);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    Nation row = source.next();
                    key.add(row.nationKey());
                    name.add(row.name());
                    region.add(row.regionKey());
                    comment.add(row.comment());
                }
                return List.of(key.build(), name.build(), region.build(), comment.build());
            }
        };
    }

    private static TableBatches<Supplier> suppliers(Iterable<Supplier> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.SUPPLIER.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<Supplier> source, int limit) {
                Longs key = new Longs(limit);
                Strings name = new Strings(limit, 18);
                Strings address = new Strings(limit, 25);
                Longs nation = new Longs(limit);
                Strings phone = new Strings(limit, 15);
                Doubles balance = new Doubles(limit);
                Strings comment = new Strings(limit, 63);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    Supplier row = source.next();
                    key.add(row.supplierKey());
                    name.add(row.name());
                    address.add(row.address());
                    nation.add(row.nationKey());
                    phone.add(row.phone());
                    balance.add(row.getAccountBalance());
                    comment.add(row.comment());
                }
                return List.of(key.build(), name.build(), address.build(), nation.build(), phone.build(),
                        balance.build(), comment.build());
            }
        };
    }

    private static TableBatches<Customer> customers(Iterable<Customer> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.CUSTOMER.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<Customer> source, int limit) {
                Longs key = new Longs(limit);
                Strings name = new Strings(limit, 18);
                Strings address = new Strings(limit, 25);
                Longs nation = new Longs(limit);
                Strings phone = new Strings(limit, 15);
                Doubles balance = new Doubles(limit);
                Strings segment = new Strings(limit, 10);
                Strings comment = new Strings(limit, 73);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    Customer row = source.next();
                    key.add(row.customerKey());
                    name.add(row.name());
                    address.add(row.address());
                    nation.add(row.nationKey());
                    phone.add(row.phone());
                    balance.add(row.accountBalance());
                    segment.add(row.marketSegment());
                    comment.add(row.comment());
                }
                return List.of(key.build(), name.build(), address.build(), nation.build(), phone.build(),
                        balance.build(), segment.build(), comment.build());
            }
        };
    }

    private static TableBatches<Part> parts(Iterable<Part> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.PART.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<Part> source, int limit) {
                Longs key = new Longs(limit);
                Strings name = new Strings(limit, 33);
                Strings manufacturer = new Strings(limit, 14);
                Strings brand = new Strings(limit, 8);
                Strings type = new Strings(limit, 21);
                Longs size = new Longs(limit);
                Strings container = new Strings(limit, 8);
                Doubles price = new Doubles(limit);
                Strings comment = new Strings(limit, 14);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    Part row = source.next();
                    key.add(row.partKey());
                    name.add(row.name());
                    manufacturer.add(row.manufacturer());
                    brand.add(row.brand());
                    type.add(row.type());
                    size.add(row.size());
                    container.add(row.container());
                    price.add(row.retailPrice());
                    comment.add(row.comment());
                }
                return List.of(key.build(), name.build(), manufacturer.build(), brand.build(), type.build(),
                        size.build(), container.build(), price.build(), comment.build());
            }
        };
    }

    private static TableBatches<PartSupplier> partSuppliers(Iterable<PartSupplier> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.PARTSUPP.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<PartSupplier> source, int limit) {
                Longs part = new Longs(limit);
                Longs supplier = new Longs(limit);
                Longs available = new Longs(limit);
                Doubles cost = new Doubles(limit);
                Strings comment = new Strings(limit, 125);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    PartSupplier row = source.next();
                    part.add(row.partKey());
                    supplier.add(row.supplierKey());
                    available.add(row.availableQuantity());
                    cost.add(row.getSupplyCost());
                    comment.add(row.comment());
                }
                return List.of(part.build(), supplier.build(), available.build(), cost.build(), comment.build());
            }
        };
    }

    private static TableBatches<Order> orders(Iterable<Order> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.ORDERS.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<Order> source, int limit) {
                Longs key = new Longs(limit);
                Longs customer = new Longs(limit);
                Strings status = new Strings(limit, 1);
                Doubles total = new Doubles(limit);
                Dates date = new Dates(limit);
                Strings priority = new Strings(limit, 9);
                Strings clerk = new Strings(limit, 15);
                Longs shipPriority = new Longs(limit);
                Strings comment = new Strings(limit, 49);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    Order row = source.next();
                    key.add(row.orderKey());
                    customer.add(row.customerKey());
                    status.add(row.orderStatus());
                    total.add(row.totalPrice());
                    date.add(row.orderDate());
                    priority.add(row.orderPriority());
                    clerk.add(row.clerk());
                    shipPriority.add(row.shipPriority());
                    comment.add(row.comment());
                }
                return List.of(key.build(), customer.build(), status.build(), total.build(), date.build(),
                        priority.build(), clerk.build(), shipPriority.build(), comment.build());
            }
        };
    }

    private static TableBatches<LineItem> lineItems(Iterable<LineItem> rows, int batchSize) {
        return new TableBatches<>(rows, TpchTable.LINEITEM.schema(), batchSize) {
            @Override
            List<Vector> fill(Iterator<LineItem> source, int limit) {
                Longs order = new Longs(limit);
                Longs part = new Longs(limit);
                Longs supplier = new Longs(limit);
                Longs lineNumber = new Longs(limit);
                Doubles quantity = new Doubles(limit);
                Doubles price = new Doubles(limit);
                Doubles discount = new Doubles(limit);
                Doubles tax = new Doubles(limit);
                Strings returnFlag = new Strings(limit, 1);
                Strings lineStatus = new Strings(limit, 1);
                Dates shipDate = new Dates(limit);
                Dates commitDate = new Dates(limit);
                Dates receiptDate = new Dates(limit);
                Strings instruction = new Strings(limit, 12);
                Strings mode = new Strings(limit, 5);
                Strings comment = new Strings(limit, 27);
                for (int i = 0; i < limit && source.hasNext(); i++) {
                    LineItem row = source.next();
                    order.add(row.orderKey());
                    part.add(row.partKey());
                    supplier.add(row.supplierKey());
                    lineNumber.add(row.lineNumber());
                    quantity.add(row.quantity());
                    price.add(row.extendedPrice());
                    discount.add(row.discount());
                    tax.add(row.tax());
                    returnFlag.add(row.returnFlag());
                    lineStatus.add(row.status());
                    shipDate.add(row.shipDate());
                    commitDate.add(row.commitDate());
                    receiptDate.add(row.receiptDate());
                    instruction.add(row.shipInstructions());
                    mode.add(row.shipMode());
                    comment.add(row.comment());
                }
                return List.of(order.build(), part.build(), supplier.build(), lineNumber.build(), quantity.build(),
                        price.build(), discount.build(), tax.build(), returnFlag.build(), lineStatus.build(),
                        shipDate.build(), commitDate.build(), receiptDate.build(), instruction.build(), mode.build(),
                        comment.build());
            }
        };
    }
}
