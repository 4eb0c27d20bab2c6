package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a worker keeps a query's shuffle output and fetched inputs, and that dropping the query removes them. */
class ShuffleStoreTest {
    @TempDir
    Path directory;

    @Test
    void oneFilePerMapTaskFoundFromTheDirectoryAlone() {
        ShuffleStore store = new ShuffleStore(directory);
        assertThat(store.outputFile(3, 1, 2)).isEqualTo(ShuffleStore.outputFile(directory, 3, 1, 2))
                .isEqualTo(directory.resolve("shuffle/q3/s1/m2.arrow"));
        assertThat(store.outputFile(3, 1, 2)).isNotEqualTo(store.outputFile(3, 1, 3))
                .isNotEqualTo(store.outputFile(3, 2, 2)).isNotEqualTo(store.outputFile(4, 1, 2));
    }

    @Test
    void droppingAQueryRemovesItsOutputAndFetchedFilesOnly() throws IOException {
        ShuffleStore store = new ShuffleStore(directory);
        for (long query : new long[] {3, 4}) {
            Files.createDirectories(store.outputFile(query, 1, 0).getParent());
            Files.writeString(store.outputFile(query, 1, 0), "map");
            Path fetched = store.fetchDirectory(query, 2, 0, 0).resolve("s1-m0-r0.arrow");
            Files.createDirectories(fetched.getParent());
            Files.writeString(fetched, "fetched");
        }
        store.dropQuery(3);
        assertThat(directory.resolve("shuffle/q3")).doesNotExist();
        assertThat(directory.resolve("fetch/q3")).doesNotExist();
        assertThat(store.outputFile(4, 1, 0)).exists();
        assertThat(store.fetchDirectory(4, 2, 0, 0)).exists();
    }
}
