package dev.floe.cli;

import static dev.floe.Floe.col;
import static dev.floe.Floe.len;

import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code floe demo}: an end-to-end query on in-memory data, with its plans and its result. */
@Command(name = "demo", description = "Run an end-to-end query on in-memory data and print its plans and result.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        DataFrame orders = DataFrame.builder()
                .column("order_id", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L))
                .column("customer", List.of("ada", "bob", "ada", "cy", "bob", "ada", "dee", "cy"))
                .column("amount", List.of(120.5, 80.0, 42.25, 300.0, 19.99, 75.0, 64.5, 12.0))
                .column("day", List.of(LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 3), LocalDate.of(2026, 2, 7),
                        LocalDate.of(2026, 2, 9), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 9)))
                .build();
        DataFrame customers = DataFrame.builder()
                .column("name", List.of("ada", "bob", "cy", "dee"))
                .column("country", List.of("NL", "US", "NL", "DE"))
                .build();
        LazyFrame query = orders.lazy()
                .filter(col("day").ge(LocalDate.of(2026, 1, 15)))
                .join(customers.lazy(), "customer", "name")
                .groupBy("country")
                .agg(col("amount").sum().alias("revenue"), len().alias("orders"),
                        col("amount").max().alias("largest"))
                .sort(List.of("revenue"), List.of(true));
        out.println("The query, as written (explain(false)):");
        out.println(query.explain(false));
        out.println();
        out.println("The optimized plan (explain()):");
        out.println(query.explain());
        out.println();
        out.println("The result (collect()):");
        out.println(query.collect());
        return 0;
    }
}
