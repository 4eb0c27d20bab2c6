package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows a map task records per output partition, read back by a reader that only knows the directory. */
class ShuffleStoreTest {
    @TempDir
    Path directory;

    @Test
    void rowsOfEachPartitionAreReadBackFromTheDirectoryAlone() {
        ShuffleStore store = new ShuffleStore(directory);
        store.writeRows(3, 1, 2, new long[] {5, 0, 1L << 40});

        assertThat(ShuffleStore.rows(directory, 3, 1, 2, 0)).isEqualTo(5);
        assertThat(ShuffleStore.rows(directory, 3, 1, 2, 1)).isZero();
        assertThat(ShuffleStore.rows(directory, 3, 1, 2, 2)).isEqualTo(1L << 40);
        assertThat(ShuffleStore.outputFile(directory, 3, 1, 2, 2)).isEqualTo(store.outputFile(3, 1, 2, 2));
    }

    @Test
    void unknownRowsAreMinusOne() {
        ShuffleStore store = new ShuffleStore(directory);
        store.writeRows(3, 1, 2, new long[] {5});

        assertThat(ShuffleStore.rows(directory, 3, 1, 2, 1)).isEqualTo(-1);
        assertThat(ShuffleStore.rows(directory, 3, 1, 9, 0)).isEqualTo(-1);
        store.dropQuery(3);
        assertThat(ShuffleStore.rows(directory, 3, 1, 2, 0)).isEqualTo(-1);
    }
}
