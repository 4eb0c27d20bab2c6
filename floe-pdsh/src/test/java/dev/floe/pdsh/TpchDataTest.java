package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpchDataTest {
    private static long rows(TpchTable table, double scaleFactor) {
        long total = 0;
        for (List<Batch> part : TpchData.generateParts(table, scaleFactor)) {
            for (Batch batch : part) {
                total += batch.rowCount();
            }
        }
        return total;
    }

    @Test
    void rowCountsAtScaleFactorOneTenthAreTpchs() {
        Map<TpchTable, Long> expected = new EnumMap<>(TpchTable.class);
        expected.put(TpchTable.REGION, 5L);
        expected.put(TpchTable.NATION, 25L);
        expected.put(TpchTable.SUPPLIER, 1_000L);
        expected.put(TpchTable.CUSTOMER, 15_000L);
        expected.put(TpchTable.PART, 20_000L);
        expected.put(TpchTable.PARTSUPP, 80_000L);
        expected.put(TpchTable.ORDERS, 150_000L);
        expected.put(TpchTable.LINEITEM, 600_572L);
        for (TpchTable table : TpchTable.values()) {
            assertThat(rows(table, 0.1)).as(table.tableName()).isEqualTo(expected.get(table));
        }
    }

    @Test
    void rowCountsAtScaleFactorOneHundredth() {
        assertThat(rows(TpchTable.SUPPLIER, 0.01)).isEqualTo(100);
        assertThat(rows(TpchTable.CUSTOMER, 0.01)).isEqualTo(1_500);
        assertThat(rows(TpchTable.PART, 0.01)).isEqualTo(2_000);
        assertThat(rows(TpchTable.PARTSUPP, 0.01)).isEqualTo(8_000);
        assertThat(rows(TpchTable.ORDERS, 0.01)).isEqualTo(15_000);
        assertThat(rows(TpchTable.LINEITEM, 0.01)).isEqualTo(60_175);
    }

    @Test
    void batchesHoldAtMostSixtyFourThousandRows() {
        List<Batch> part = TpchData.generate(TpchTable.LINEITEM, 0.1, 0);
        assertThat(part).hasSizeGreaterThan(2);
        assertThat(part).allSatisfy(batch -> assertThat(batch.rowCount()).isBetween(1, TpchData.BATCH_ROWS));
        assertThat(part.getFirst().rowCount()).isEqualTo(TpchData.BATCH_ROWS);
    }

    @Test
    void ordersAndLineitemPartsHoldTheSameOrders() {
        assertThat(TpchTable.ORDERS.partCount(0.1)).isEqualTo(4);
        assertThat(TpchTable.LINEITEM.partCount(0.1)).isEqualTo(4);
        assertThat(TpchTable.LINEITEM.partCount(9.5)).isEqualTo(10);
        assertThat(TpchTable.PART.partCount(10)).isEqualTo(1);
        List<List<Batch>> orders = TpchData.generateParts(TpchTable.ORDERS, 0.01);
        List<List<Batch>> lineItems = TpchData.generateParts(TpchTable.LINEITEM, 0.01);
        for (int part = 0; part < 4; part++) {
            java.util.Set<Long> orderKeys = keys(orders.get(part), "o_orderkey");
            java.util.Set<Long> lineOrderKeys = keys(lineItems.get(part), "l_orderkey");
            assertThat(orderKeys).as("part " + part).isNotEmpty().isEqualTo(lineOrderKeys);
        }
    }

    private static java.util.Set<Long> keys(List<Batch> batches, String column) {
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (Batch batch : batches) {
            LongVector vector = (LongVector) batch.column(column);
            for (int row = 0; row < batch.rowCount(); row++) {
                keys.add(vector.get(row));
            }
        }
        return keys;
    }

    @Test
    void columnsHavePdshTypesAndValues() {
        Batch lineItem = TpchData.generate(TpchTable.LINEITEM, 0.1, 0).getFirst();
        assertThat(lineItem.schema().names()).startsWith("l_orderkey", "l_partkey").endsWith("l_comment")
                .hasSize(16);
        assertThat(lineItem.column("l_orderkey")).isInstanceOf(LongVector.class);
        assertThat(lineItem.column("l_orderkey").type()).isEqualTo(DataType.INT64);
        assertThat(lineItem.column("l_quantity").type()).isEqualTo(DataType.FLOAT64);
        assertThat(lineItem.column("l_shipdate").type()).isEqualTo(DataType.DATE);
        assertThat(lineItem.column("l_comment").type()).isEqualTo(DataType.STRING);
        // dbgen's first line item: 1|15519|785|1|17|24386.67|0.04|0.02|N|O|1996-03-13|1996-02-12|1996-03-22|...
        assertThat(((LongVector) lineItem.column("l_partkey")).get(0)).isEqualTo(15519);
        assertThat(((DoubleVector) lineItem.column("l_quantity")).get(0)).isEqualTo(17.0);
        assertThat(((DoubleVector) lineItem.column("l_extendedprice")).get(0)).isEqualTo(24386.67);
        assertThat(((DoubleVector) lineItem.column("l_discount")).get(0)).isEqualTo(0.04);
        assertThat(((BytesVector) lineItem.column("l_returnflag")).getString(0)).isEqualTo("N");
        assertThat(LocalDate.ofEpochDay(((IntVector) lineItem.column("l_shipdate")).get(0)))
                .isEqualTo(LocalDate.of(1996, 3, 13));
        assertThat(((BytesVector) lineItem.column("l_shipinstruct")).getString(0)).isEqualTo("DELIVER IN PERSON");

        Batch orders = TpchData.generate(TpchTable.ORDERS, 0.1, 0).getFirst();
        assertThat(((BytesVector) orders.column("o_orderstatus")).getString(0)).isEqualTo("O");
        assertThat(((DoubleVector) orders.column("o_totalprice")).get(0)).isEqualTo(194029.55);
        assertThat(LocalDate.ofEpochDay(((IntVector) orders.column("o_orderdate")).get(0)))
                .isEqualTo(LocalDate.of(1996, 1, 2));

        Batch nation = TpchData.generate(TpchTable.NATION, 0.1, 0).getFirst();
        assertThat(nation.rowCount()).isEqualTo(25);
        assertThat(((BytesVector) nation.column("n_name")).getString(0)).isEqualTo("ALGERIA");
    }

    @Test
    void everyTableMatchesItsDeclaredSchema() {
        for (TpchTable table : TpchTable.values()) {
            Batch first = TpchData.generate(table, 0.01, 0).getFirst();
            assertThat(first.schema()).isEqualTo(table.schema());
            for (int column = 0; column < first.columnCount(); column++) {
                DataType type = first.schema().field(column).type();
                assertThat(type).isIn(DataType.INT64, DataType.FLOAT64, DataType.DATE, DataType.STRING);
                assertThat(first.column(column).hasNulls()).isFalse();
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> TpchData.batches(TpchTable.ORDERS, 0, 0)).isInstanceOf(FloeException.class)
                .hasMessageContaining("scale factor");
        assertThatThrownBy(() -> TpchData.batches(TpchTable.ORDERS, 1, 4)).isInstanceOf(FloeException.class)
                .hasMessageContaining("part 4 of 4");
        assertThatThrownBy(() -> TpchTable.byName("items")).isInstanceOf(FloeException.class)
                .hasMessageContaining("lineitem");
    }
}
