package dev.floe.pdsh;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;
import static dev.floe.Floe.lit;
import static dev.floe.Floe.when;

import dev.floe.Expr;
import dev.floe.JoinType;
import dev.floe.LazyFrame;
import dev.floe.plan.function.ClosedInterval;
import java.time.LocalDate;
import java.util.List;

/**
 * The 22 PDS-H queries written with Floe's API. They follow PDS-H's Polars variants: the same operations,
 * substitution parameters, output names and rounding. Read them as examples of the API.
 */
public final class PdshQueries {
    private PdshQueries() {
    }

    public static final int COUNT = 22;

    /** Query {@code number} (1..22) over the given tables. */
    public static LazyFrame query(int number, PdshTables t) {
        return switch (number) {
            case 1 -> q1(t);
            case 2 -> q2(t);
            case 3 -> q3(t);
            case 4 -> q4(t);
            case 5 -> q5(t);
            case 6 -> q6(t);
            case 7 -> q7(t);
            case 8 -> q8(t);
            case 9 -> q9(t);
            case 10 -> q10(t);
            case 11 -> q11(t);
            case 12 -> q12(t);
            case 13 -> q13(t);
            case 14 -> q14(t);
            case 15 -> q15(t);
            case 16 -> q16(t);
            case 17 -> q17(t);
            case 18 -> q18(t);
            case 19 -> q19(t);
            case 20 -> q20(t);
            case 21 -> q21(t);
            case 22 -> q22(t);
            default -> throw dev.floe.core.FloeException.invalidArgument(
                    "PDS-H has queries 1 to " + COUNT + ", not " + number);
        };
    }

    private static Expr discounted() {
        return col("l_extendedprice").mul(lit(1).sub(col("l_discount")));
    }

    /** Pricing summary report. */
    static LazyFrame q1(PdshTables t) {
        return t.lineitem()
                .filter(col("l_shipdate").le(lit(LocalDate.of(1998, 9, 2))))
                .groupBy("l_returnflag", "l_linestatus")
                .agg(
                        col("l_quantity").sum().alias("sum_qty"),
                        col("l_extendedprice").sum().alias("sum_base_price"),
                        col("l_extendedprice").mul(lit(1.0).sub(col("l_discount"))).sum().alias("sum_disc_price"),
                        col("l_extendedprice").mul(lit(1.0).sub(col("l_discount")))
                                .mul(lit(1.0).add(col("l_tax"))).sum().alias("sum_charge"),
                        col("l_quantity").mean().alias("avg_qty"),
                        col("l_extendedprice").mean().alias("avg_price"),
                        col("l_discount").mean().alias("avg_disc"),
                        len().alias("count_order"))
                .sort("l_returnflag", "l_linestatus");
    }

    /** Minimum cost supplier. */
    static LazyFrame q2(PdshTables t) {
        LazyFrame q1 = t.part()
                .join(t.partsupp(), "p_partkey", "ps_partkey")
                .join(t.supplier(), "ps_suppkey", "s_suppkey")
                .join(t.nation(), "s_nationkey", "n_nationkey")
                .join(t.region(), "n_regionkey", "r_regionkey")
                .filter(col("p_size").eq(lit(15)))
                .filter(col("p_type").str().endsWith("BRASS"))
                .filter(col("r_name").eq(lit("EUROPE")));
        return q1.groupBy("p_partkey")
                .agg(col("ps_supplycost").min())
                .join(q1, List.of("p_partkey", "ps_supplycost"), List.of("p_partkey", "ps_supplycost"), JoinType.INNER)
                .select(col("s_acctbal"), col("s_name"), col("n_name"), col("p_partkey"), col("p_mfgr"),
                        col("s_address"), col("s_phone"), col("s_comment"))
                .sort(List.of("s_acctbal", "n_name", "s_name", "p_partkey"), List.of(true, false, false, false))
                .head(100);
    }

    /** Shipping priority. */
    static LazyFrame q3(PdshTables t) {
        LocalDate date = LocalDate.of(1995, 3, 15);
        return t.customer()
                .filter(col("c_mktsegment").eq(lit("BUILDING")))
                .join(t.orders(), "c_custkey", "o_custkey")
                .join(t.lineitem(), "o_orderkey", "l_orderkey")
                .filter(col("o_orderdate").lt(lit(date)))
                .filter(col("l_shipdate").gt(lit(date)))
                .withColumns(discounted().alias("revenue"))
                .groupBy("o_orderkey", "o_orderdate", "o_shippriority")
                .agg(col("revenue").sum())
                .select(col("o_orderkey").alias("l_orderkey"), col("revenue"), col("o_orderdate"),
                        col("o_shippriority"))
                .sort(List.of("revenue", "o_orderdate"), List.of(true, false))
                .head(10);
    }

    /** Order priority checking. */
    static LazyFrame q4(PdshTables t) {
        return t.orders()
                .join(t.lineitem().filter(col("l_commitdate").lt(col("l_receiptdate"))),
                        List.of("o_orderkey"), List.of("l_orderkey"), JoinType.SEMI)
                .filter(col("o_orderdate").isBetween(lit(LocalDate.of(1993, 7, 1)), lit(LocalDate.of(1993, 10, 1)),
                        ClosedInterval.LEFT))
                .groupBy("o_orderpriority")
                .agg(len().alias("order_count"))
                .sort("o_orderpriority");
    }

    /** Local supplier volume. */
    static LazyFrame q5(PdshTables t) {
        return t.region()
                .join(t.nation(), "r_regionkey", "n_regionkey")
                .join(t.customer(), "n_nationkey", "c_nationkey")
                .join(t.orders(), "c_custkey", "o_custkey")
                .join(t.lineitem(), "o_orderkey", "l_orderkey")
                .join(t.supplier(), List.of("l_suppkey", "n_nationkey"), List.of("s_suppkey", "s_nationkey"),
                        JoinType.INNER)
                .filter(col("r_name").eq(lit("ASIA")))
                .filter(col("o_orderdate").isBetween(lit(LocalDate.of(1994, 1, 1)), lit(LocalDate.of(1995, 1, 1)),
                        ClosedInterval.LEFT))
                .withColumns(discounted().alias("revenue"))
                .groupBy("n_name")
                .agg(col("revenue").sum())
                .sort(List.of("revenue"), List.of(true));
    }

    /** Forecasting revenue change. */
    static LazyFrame q6(PdshTables t) {
        return t.lineitem()
                .filter(col("l_shipdate").isBetween(lit(LocalDate.of(1994, 1, 1)), lit(LocalDate.of(1995, 1, 1)),
                        ClosedInterval.LEFT))
                .filter(col("l_discount").isBetween(lit(0.05), lit(0.07)))
                .filter(col("l_quantity").lt(lit(24)))
                .withColumns(col("l_extendedprice").mul(col("l_discount")).alias("revenue"))
                .select(col("revenue").sum());
    }

    /** Volume shipping. */
    static LazyFrame q7(PdshTables t) {
        LazyFrame n1 = t.nation().filter(col("n_name").eq(lit("FRANCE")));
        LazyFrame n2 = t.nation().filter(col("n_name").eq(lit("GERMANY")));
        LazyFrame q1 = shipping(t, n1, n2);
        LazyFrame q2 = shipping(t, n2, n1);
        return dev.floe.Floe.concat(q1, q2)
                .filter(col("l_shipdate").isBetween(lit(LocalDate.of(1995, 1, 1)), lit(LocalDate.of(1996, 12, 31))))
                .withColumns(discounted().alias("volume"), col("l_shipdate").dt().year().alias("l_year"))
                .groupBy("supp_nation", "cust_nation", "l_year")
                .agg(col("volume").sum().alias("revenue"))
                .sort("supp_nation", "cust_nation", "l_year");
    }

    private static LazyFrame shipping(PdshTables t, LazyFrame customerNation, LazyFrame supplierNation) {
        return t.customer()
                .join(customerNation, "c_nationkey", "n_nationkey")
                .join(t.orders(), "c_custkey", "o_custkey")
                .rename(java.util.Map.of("n_name", "cust_nation"))
                .join(t.lineitem(), "o_orderkey", "l_orderkey")
                .join(t.supplier(), "l_suppkey", "s_suppkey")
                .join(supplierNation, "s_nationkey", "n_nationkey")
                .rename(java.util.Map.of("n_name", "supp_nation"));
    }

    /** National market share. */
    static LazyFrame q8(PdshTables t) {
        LazyFrame n1 = t.nation().select(col("n_nationkey"), col("n_regionkey"));
        LazyFrame n2 = t.nation().select(col("n_nationkey"), col("n_name"));
        return t.part()
                .join(t.lineitem(), "p_partkey", "l_partkey")
                .join(t.supplier(), "l_suppkey", "s_suppkey")
                .join(t.orders(), "l_orderkey", "o_orderkey")
                .join(t.customer(), "o_custkey", "c_custkey")
                .join(n1, "c_nationkey", "n_nationkey")
                .join(t.region(), "n_regionkey", "r_regionkey")
                .filter(col("r_name").eq(lit("AMERICA")))
                .join(n2, "s_nationkey", "n_nationkey")
                .filter(col("o_orderdate").isBetween(lit(LocalDate.of(1995, 1, 1)), lit(LocalDate.of(1996, 12, 31))))
                .filter(col("p_type").eq(lit("ECONOMY ANODIZED STEEL")))
                .select(col("o_orderdate").dt().year().alias("o_year"), discounted().alias("volume"),
                        col("n_name").alias("nation"))
                .withColumns(when(col("nation").eq(lit("BRAZIL"))).then(col("volume")).otherwise(lit(0))
                        .alias("_tmp"))
                .groupBy("o_year")
                .agg(col("_tmp").sum().div(col("volume").sum()).round(2).alias("mkt_share"))
                .sort("o_year");
    }

    /** Product type profit measure. */
    static LazyFrame q9(PdshTables t) {
        return t.part()
                .join(t.partsupp(), "p_partkey", "ps_partkey")
                .join(t.supplier(), "ps_suppkey", "s_suppkey")
                .join(t.lineitem(), List.of("p_partkey", "ps_suppkey"), List.of("l_partkey", "l_suppkey"),
                        JoinType.INNER)
                .join(t.orders(), "l_orderkey", "o_orderkey")
                .join(t.nation(), "s_nationkey", "n_nationkey")
                .filter(col("p_name").str().contains("green"))
                .select(col("n_name").alias("nation"), col("o_orderdate").dt().year().alias("o_year"),
                        discounted().sub(col("ps_supplycost").mul(col("l_quantity"))).alias("amount"))
                .groupBy("nation", "o_year")
                .agg(col("amount").sum().round(2).alias("sum_profit"))
                .sort(List.of("nation", "o_year"), List.of(false, true));
    }

    /** Returned item reporting. */
    static LazyFrame q10(PdshTables t) {
        return t.customer()
                .join(t.orders(), "c_custkey", "o_custkey")
                .join(t.lineitem(), "o_orderkey", "l_orderkey")
                .join(t.nation(), "c_nationkey", "n_nationkey")
                .filter(col("o_orderdate").isBetween(lit(LocalDate.of(1993, 10, 1)), lit(LocalDate.of(1994, 1, 1)),
                        ClosedInterval.LEFT))
                .filter(col("l_returnflag").eq(lit("R")))
                .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
                .agg(discounted().sum().round(2).alias("revenue"))
                .select(col("c_custkey"), col("c_name"), col("revenue"), col("c_acctbal"), col("n_name"),
                        col("c_address"), col("c_phone"), col("c_comment"))
                .sort(List.of("revenue"), List.of(true))
                .head(20);
    }

    /** Important stock identification. */
    static LazyFrame q11(PdshTables t) {
        LazyFrame q1 = t.partsupp()
                .join(t.supplier(), "ps_suppkey", "s_suppkey")
                .join(t.nation(), "s_nationkey", "n_nationkey")
                .filter(col("n_name").eq(lit("GERMANY")));
        LazyFrame q2 = q1.select(col("ps_supplycost").mul(col("ps_availqty")).sum().round(2).alias("tmp")
                .mul(lit(0.0001)));
        return q1.groupBy("ps_partkey")
                .agg(col("ps_supplycost").mul(col("ps_availqty")).sum().round(2).alias("value"))
                .crossJoin(q2)
                .filter(col("value").gt(col("tmp")))
                .select(col("ps_partkey"), col("value"))
                .sort(List.of("value"), List.of(true));
    }

    /** Shipping modes and order priority. */
    static LazyFrame q12(PdshTables t) {
        return t.orders()
                .join(t.lineitem(), "o_orderkey", "l_orderkey")
                .filter(col("l_shipmode").isIn("MAIL", "SHIP"))
                .filter(col("l_commitdate").lt(col("l_receiptdate")))
                .filter(col("l_shipdate").lt(col("l_commitdate")))
                .filter(col("l_receiptdate").isBetween(lit(LocalDate.of(1994, 1, 1)), lit(LocalDate.of(1995, 1, 1)),
                        ClosedInterval.LEFT))
                .withColumns(
                        when(col("o_orderpriority").isIn("1-URGENT", "2-HIGH")).then(lit(1)).otherwise(lit(0))
                                .alias("high_line_count"),
                        when(col("o_orderpriority").isIn("1-URGENT", "2-HIGH").not()).then(lit(1)).otherwise(lit(0))
                                .alias("low_line_count"))
                .groupBy("l_shipmode")
                .agg(col("high_line_count").sum(), col("low_line_count").sum())
                .sort("l_shipmode");
    }

    /** Customer distribution. */
    static LazyFrame q13(PdshTables t) {
        LazyFrame orders = t.orders().filter(col("o_comment").str().contains("special.*requests").not());
        return t.customer()
                .join(orders, List.of("c_custkey"), List.of("o_custkey"), JoinType.LEFT)
                .groupBy("c_custkey")
                .agg(col("o_orderkey").count().alias("c_count"))
                .groupBy("c_count")
                .len()
                .select(col("c_count"), col("len").alias("custdist"))
                .sort(List.of("custdist", "c_count"), List.of(true, true));
    }

    /** Promotion effect. */
    static LazyFrame q14(PdshTables t) {
        return t.lineitem()
                .join(t.part(), "l_partkey", "p_partkey")
                .filter(col("l_shipdate").isBetween(lit(LocalDate.of(1995, 9, 1)), lit(LocalDate.of(1995, 10, 1)),
                        ClosedInterval.LEFT))
                .select(lit(100.00).mul(when(col("p_type").str().contains("PROMO*")).then(discounted())
                                .otherwise(lit(0)).sum())
                        .div(discounted().sum()).round(2).alias("promo_revenue"));
    }

    /** Top supplier. */
    static LazyFrame q15(PdshTables t) {
        LazyFrame revenue = t.lineitem()
                .filter(col("l_shipdate").isBetween(lit(LocalDate.of(1996, 1, 1)), lit(LocalDate.of(1996, 4, 1)),
                        ClosedInterval.LEFT))
                .groupBy("l_suppkey")
                .agg(discounted().sum().alias("total_revenue"))
                .select(col("l_suppkey").alias("supplier_no"), col("total_revenue"));
        return t.supplier()
                .join(revenue, "s_suppkey", "supplier_no")
                .filter(col("total_revenue").eq(col("total_revenue").max()))
                .withColumns(col("total_revenue").round(2))
                .select(col("s_suppkey"), col("s_name"), col("s_address"), col("s_phone"), col("total_revenue"))
                .sort("s_suppkey");
    }

    /** Parts/supplier relationship. */
    static LazyFrame q16(PdshTables t) {
        LazyFrame supplier = t.supplier()
                .filter(col("s_comment").str().contains(".*Customer.*Complaints.*"))
                .select(col("s_suppkey"), col("s_suppkey").alias("ps_suppkey"));
        return t.part()
                .join(t.partsupp(), "p_partkey", "ps_partkey")
                .filter(col("p_brand").ne(lit("Brand#45")))
                .filter(col("p_type").str().contains("MEDIUM POLISHED*").not())
                .filter(col("p_size").isIn(49L, 14L, 23L, 45L, 19L, 3L, 36L, 9L))
                .join(supplier, List.of("ps_suppkey"), List.of("s_suppkey"), JoinType.LEFT)
                .filter(col("ps_suppkey_right").isNull())
                .groupBy("p_brand", "p_type", "p_size")
                .agg(col("ps_suppkey").nUnique().alias("supplier_cnt"))
                .sort(List.of("supplier_cnt", "p_brand", "p_type", "p_size"), List.of(true, false, false, false));
    }

    /** Small-quantity-order revenue. */
    static LazyFrame q17(PdshTables t) {
        LazyFrame q1 = t.part()
                .filter(col("p_brand").eq(lit("Brand#23")))
                .filter(col("p_container").eq(lit("MED BOX")))
                .join(t.lineitem(), List.of("p_partkey"), List.of("l_partkey"), JoinType.LEFT);
        return q1.groupBy("p_partkey")
                .agg(lit(0.2).mul(col("l_quantity").mean()).alias("avg_quantity"))
                .select(col("p_partkey").alias("key"), col("avg_quantity"))
                .join(q1, "key", "p_partkey")
                .filter(col("l_quantity").lt(col("avg_quantity")))
                .select(col("l_extendedprice").sum().div(lit(7.0)).round(2).alias("avg_yearly"));
    }

    /** Large volume customer. */
    static LazyFrame q18(PdshTables t) {
        LazyFrame q1 = t.lineitem()
                .groupBy("l_orderkey")
                .agg(col("l_quantity").sum().alias("sum_quantity"))
                .filter(col("sum_quantity").gt(lit(300)));
        return t.orders()
                .join(q1, List.of("o_orderkey"), List.of("l_orderkey"), JoinType.SEMI)
                .join(t.lineitem(), "o_orderkey", "l_orderkey")
                .join(t.customer(), "o_custkey", "c_custkey")
                .groupBy("c_name", "o_custkey", "o_orderkey", "o_orderdate", "o_totalprice")
                .agg(col("l_quantity").sum().alias("col6"))
                .select(col("c_name"), col("o_custkey").alias("c_custkey"), col("o_orderkey"),
                        col("o_orderdate").alias("o_orderdat"), col("o_totalprice"), col("col6"))
                .sort(List.of("o_totalprice", "o_orderdat"), List.of(true, false))
                .head(100);
    }

    /** Discounted revenue. */
    static LazyFrame q19(PdshTables t) {
        return t.part()
                .join(t.lineitem(), "p_partkey", "l_partkey")
                .filter(col("l_shipmode").isIn("AIR", "AIR REG"))
                .filter(col("l_shipinstruct").eq(lit("DELIVER IN PERSON")))
                .filter(brandCase("Brand#12", List.of("SM CASE", "SM BOX", "SM PACK", "SM PKG"), 1, 11, 5)
                        .or(brandCase("Brand#23", List.of("MED BAG", "MED BOX", "MED PKG", "MED PACK"), 10, 20, 10))
                        .or(brandCase("Brand#34", List.of("LG CASE", "LG BOX", "LG PACK", "LG PKG"), 20, 30, 15)))
                .select(discounted().sum().round(2).alias("revenue"));
    }

    private static Expr brandCase(String brand, List<String> containers, int minQuantity, int maxQuantity,
            int maxSize) {
        return col("p_brand").eq(lit(brand))
                .and(col("p_container").isIn(containers))
                .and(col("l_quantity").isBetween(lit(minQuantity), lit(maxQuantity)))
                .and(col("p_size").isBetween(lit(1), lit(maxSize)));
    }

    /** Potential part promotion. */
    static LazyFrame q20(PdshTables t) {
        LazyFrame q1 = t.lineitem()
                .filter(col("l_shipdate").isBetween(lit(LocalDate.of(1994, 1, 1)), lit(LocalDate.of(1995, 1, 1)),
                        ClosedInterval.LEFT))
                .groupBy("l_partkey", "l_suppkey")
                .agg(col("l_quantity").sum().mul(lit(0.5)).alias("sum_quantity"));
        LazyFrame q2 = t.nation().filter(col("n_name").eq(lit("CANADA")));
        LazyFrame q3 = t.supplier().join(q2, "s_nationkey", "n_nationkey");
        return t.part()
                .filter(col("p_name").str().startsWith("forest"))
                .select(col("p_partkey").unique())
                .join(t.partsupp(), "p_partkey", "ps_partkey")
                .join(q1, List.of("ps_suppkey", "p_partkey"), List.of("l_suppkey", "l_partkey"), JoinType.INNER)
                .filter(col("ps_availqty").gt(col("sum_quantity")))
                .select(col("ps_suppkey").unique())
                .join(q3, "ps_suppkey", "s_suppkey")
                .select(col("s_name"), col("s_address"))
                .sort("s_name");
    }

    /** Suppliers who kept orders waiting. */
    static LazyFrame q21(PdshTables t) {
        LazyFrame q1 = t.lineitem()
                .groupBy("l_orderkey")
                .agg(col("l_suppkey").len().alias("n_supp_by_order"))
                .filter(col("n_supp_by_order").gt(lit(1)))
                .join(t.lineitem().filter(col("l_receiptdate").gt(col("l_commitdate"))), "l_orderkey", "l_orderkey");
        return q1.groupBy("l_orderkey")
                .agg(col("l_suppkey").len().alias("n_supp_by_order"))
                .join(q1, "l_orderkey", "l_orderkey")
                .join(t.supplier(), "l_suppkey", "s_suppkey")
                .join(t.nation(), "s_nationkey", "n_nationkey")
                .join(t.orders(), "l_orderkey", "o_orderkey")
                .filter(col("n_supp_by_order").eq(lit(1)))
                .filter(col("n_name").eq(lit("SAUDI ARABIA")))
                .filter(col("o_orderstatus").eq(lit("F")))
                .groupBy("s_name")
                .agg(len().alias("numwait"))
                .sort(List.of("numwait", "s_name"), List.of(true, false))
                .head(100);
    }

    /** Global sales opportunity. */
    static LazyFrame q22(PdshTables t) {
        LazyFrame q1 = t.customer()
                .withColumns(col("c_phone").str().slice(0, 2).alias("cntrycode"))
                .filter(col("cntrycode").str().contains("13|31|23|29|30|18|17"))
                .select(col("c_acctbal"), col("c_custkey"), col("cntrycode"));
        LazyFrame q2 = q1.filter(col("c_acctbal").gt(lit(0.0))).select(col("c_acctbal").mean().alias("avg_acctbal"));
        LazyFrame q3 = t.orders().select(col("o_custkey").unique()).withColumns(col("o_custkey").alias("c_custkey"));
        return q1.join(q3, List.of("c_custkey"), List.of("c_custkey"), JoinType.LEFT)
                .filter(col("o_custkey").isNull())
                .crossJoin(q2)
                .filter(col("c_acctbal").gt(col("avg_acctbal")))
                .groupBy("cntrycode")
                .agg(col("c_acctbal").count().alias("numcust"), col("c_acctbal").sum().round(2).alias("totacctbal"))
                .sort("cntrycode");
    }
}
