package dev.caisey.console.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.ConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexFilesTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedIndexIsReportedInWordsAndCreateStartsAfresh() throws IOException {
        Path folder = dir.resolve("search");
        try (SearchIndex index = SearchIndex.open(folder)) {
            SampleSessions.addAll(index);
        }
        List<Path> commits;
        try (Stream<Path> files = Files.list(folder)) {
            commits = files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .toList();
        }
        assertThat(commits).isNotEmpty();
        for (Path p : commits) {
            byte[] bytes = Files.readAllBytes(p);
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            Files.write(p, bytes);
        }
        assertThatThrownBy(() -> SearchIndex.open(folder))
                .isInstanceOfSatisfying(
                        ConsoleException.class,
                        e -> assertThat(e.failure()).isEqualTo(ConsoleException.Failure.LOCAL_FILES))
                .hasMessageContaining("cannot be used")
                .hasMessageContaining("rebuilt from the mirror");
        try (SearchIndex fresh = SearchIndex.create(folder)) {
            assertThat(fresh.count()).isZero();
            SampleSessions.addAll(fresh);
            assertThat(fresh.search(SearchQuery.of("vendor")).totalHits()).isEqualTo(1);
        }
    }

    @Test
    void aFolderThatIsAFileIsReportedInWords() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> SearchIndex.open(file))
                .isInstanceOfSatisfying(
                        ConsoleException.class,
                        e -> assertThat(e.failure()).isEqualTo(ConsoleException.Failure.LOCAL_FILES))
                .hasMessageStartingWith("The search index in " + file + " cannot be used");
    }

    @Test
    void aSecondConsoleOnTheSameIndexIsTurnedAway() {
        Path folder = dir.resolve("search");
        try (SearchIndex first = SearchIndex.open(folder)) {
            assertThatThrownBy(() -> SearchIndex.open(folder))
                    .isInstanceOf(ConsoleException.class)
                    .hasMessageContaining("another console is using it");
            assertThat(first.count()).isZero();
        }
    }

    @Test
    void aQueryIsCheckedBeforeItRuns() {
        assertThatThrownBy(() -> SearchQuery.of("x").withLimit(0)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> SearchQuery.of("x").withLimit(1_001)).hasMessageContaining("1 to 1000");
        var t = SampleSessions.PRINTER_START;
        assertThatThrownBy(() -> SearchQuery.of("x").within(t, t))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("must be before its end");
        assertThat(SearchQuery.of("  ").isEmpty()).isTrue();
        assertThat(SearchQuery.of("").withEndpoint(" ").isEmpty()).isTrue();
        assertThat(SearchQuery.of("").withEndpoint("KIOSK-2").isEmpty()).isFalse();
    }
}
