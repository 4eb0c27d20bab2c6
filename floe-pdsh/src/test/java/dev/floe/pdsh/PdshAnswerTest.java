package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.exec.ExecutionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 PDS-H queries at scale factor 0.1 against the committed reference answers, under several engine
 * configurations that must all give the same answers: the default, the optimizer off, one thread with small
 * morsels, and two threads with tiny morsels.
 */
class PdshAnswerTest {
    private static final double SCALE_FACTOR = 0.1;
    private static final PdshAnswers ANSWERS = PdshAnswers.fromClasspath(SCALE_FACTOR);

    private record Configuration(String name, BiFunction<LazyFrame, Void, DataFrame> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> queries() {
        List<Configuration> configurations = List.of(
                new Configuration("default", (query, unused) -> query.collect()),
                new Configuration("optimizer off", (query, unused) ->
                        query.collectUnoptimized(ExecutionOptions.defaults())),
                new Configuration("1 thread, morsels of 1000 rows", (query, unused) ->
                        query.collect(new ExecutionOptions(1, 1000))),
                new Configuration("2 threads, morsels of 97 rows", (query, unused) ->
                        query.collect(new ExecutionOptions(2, 97))));
        List<Arguments> arguments = new ArrayList<>();
        for (Configuration configuration : configurations) {
            for (int query = 1; query <= PdshQueries.COUNT; query++) {
                arguments.add(Arguments.of(configuration, query));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: q{1}")
    @MethodSource("queries")
    void answersMatchTheReference(Configuration configuration, int query) {
        PdshTables tables = PdshTestData.tables(SCALE_FACTOR);
        DataFrame result = configuration.run().apply(PdshQueries.query(query, tables), null);
        ResultComparison comparison = ANSWERS.compare(query, ResultTable.fromBatches(result.schema(),
                List.of(result.toBatch())));
        assertThat(comparison.matches()).as(comparison.report()).isTrue();
    }
}
