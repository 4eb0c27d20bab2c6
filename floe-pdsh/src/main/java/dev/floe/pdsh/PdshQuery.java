package dev.floe.pdsh;

import dev.floe.core.FloeException;
import java.util.List;
import java.util.Set;

/**
 * What the answer comparison must know about one PDS-H query: its ORDER BY key columns (rows tying on them may
 * come in any order) and the output columns PDS-H rounds to 2 decimals (which may differ by 0.01).
 *
 * @param number          the query number, 1 to 22
 * @param orderByColumns  the output columns of the query's ORDER BY, in order; empty when it has none
 * @param roundedColumns  the output columns rounded to 2 decimals
 */
public record PdshQuery(int number, List<String> orderByColumns, Set<String> roundedColumns) {
    /** The number of PDS-H queries. */
    public static final int COUNT = 22;

    private static final List<PdshQuery> ALL = List.of(
            query(1, List.of("l_returnflag", "l_linestatus")),
            query(2, List.of("s_acctbal", "n_name", "s_name", "p_partkey")),
            query(3, List.of("revenue", "o_orderdate")),
            query(4, List.of("o_orderpriority")),
            query(5, List.of("revenue")),
            query(6, List.of()),
            query(7, List.of("supp_nation", "cust_nation", "l_year")),
            query(8, List.of("o_year"), "mkt_share"),
            query(9, List.of("nation", "o_year"), "sum_profit"),
            query(10, List.of("revenue"), "revenue"),
            query(11, List.of("value"), "value"),
            query(12, List.of("l_shipmode")),
            query(13, List.of("custdist", "c_count")),
            query(14, List.of(), "promo_revenue"),
            query(15, List.of("s_suppkey"), "total_revenue"),
            query(16, List.of("supplier_cnt", "p_brand", "p_type", "p_size")),
            query(17, List.of(), "avg_yearly"),
            query(18, List.of("o_totalprice", "o_orderdat")),
            query(19, List.of(), "revenue"),
            query(20, List.of("s_name")),
            query(21, List.of("numwait", "s_name")),
            query(22, List.of("cntrycode"), "totacctbal"));

    public PdshQuery {
        if (number < 1 || number > COUNT) {
            throw FloeException.invalidArgument("PDS-H query number must be 1 to 22, not " + number);
        }
        orderByColumns = List.copyOf(orderByColumns);
        roundedColumns = Set.copyOf(roundedColumns);
    }

    private static PdshQuery query(int number, List<String> orderBy, String... rounded) {
        return new PdshQuery(number, orderBy, Set.of(rounded));
    }

    /** Query {@code number} (1 to 22). */
    public static PdshQuery of(int number) {
        if (number < 1 || number > COUNT) {
            throw FloeException.invalidArgument("PDS-H query number must be 1 to 22, not " + number);
        }
        return ALL.get(number - 1);
    }

    /** All 22 queries in order. */
    public static List<PdshQuery> all() {
        return ALL;
    }

    /** The answer file name of this query: {@code q01.csv} to {@code q22.csv}. */
    public String answerFileName() {
        return String.format("q%02d.csv", number);
    }
}
