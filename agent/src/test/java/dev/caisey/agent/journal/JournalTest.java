package dev.caisey.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.OutputChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:16:05.123456Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static CommandOutput chunk(long offset, String text) {
        return new CommandOutput("c-1", OutputChannel.STDOUT, offset, text);
    }

    @Test
    void givesEachEventAnIdAndTheAgentClockAndKeepsItOnDiskUntilAcknowledged() throws Exception {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            JournalEntry started = journal.append("s-1", new CommandStarted("c-1", 42L));
            assertThat(started.report().sourceAt()).isEqualTo(CLOCK.instant().getEpochSecond() * 1_000_000L + 123_456L);
            assertThat(started.eventId()).matches("[0-9a-f-]{36}");
            assertThat(started.frame()).contains("\"id\":\"" + started.eventId() + "\"");
            journal.append("s-1", chunk(0, "hello\n"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Journal.FILE))))
                .isEqualTo("rw-------");
        try (Journal reopened = Journal.open(dir, CLOCK)) {
            assertThat(reopened.pending())
                    .extracting(e -> e.report().event().type().wireName())
                    .containsExactly("command.started", "command.output");
        }
    }

    @Test
    void dropsAcknowledgedEntriesAndReplaysTheRestInOrderAfterARestart() throws Exception {
        List<JournalEntry> written;
        try (Journal journal = Journal.open(dir, CLOCK)) {
            for (int i = 0; i < 10; i++) {
                journal.append("s-1", chunk(i, "x"));
            }
            written = journal.pending();
            journal.ack(List.of(written.get(1).eventId(), written.get(4).eventId(), "never-written"));
            assertThat(journal.after(written.get(2).position(), 3))
                    .extracting(JournalEntry::eventId)
                    .containsExactly(
                            written.get(3).eventId(),
                            written.get(5).eventId(),
                            written.get(6).eventId());
        }
        try (Journal reopened = Journal.open(dir, CLOCK)) {
            assertThat(reopened.pending())
                    .extracting(JournalEntry::eventId)
                    .containsExactlyElementsOf(written.stream()
                            .filter(e -> e != written.get(1) && e != written.get(4))
                            .map(JournalEntry::eventId)
                            .toList());
        }
    }

    @Test
    void emptiesTheFileWhenEverythingIsAcknowledged() throws Exception {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.append("s-1", chunk(0, "a"));
            journal.append("s-1", new CommandFinished("c-1", 0, 5, 1, false));
            journal.ack(journal.pending().stream().map(JournalEntry::eventId).toList());
            assertThat(Files.size(dir.resolve(Journal.FILE))).isZero();
            assertThat(journal.pendingBytes()).isZero();
        }
    }

    @Test
    void compactsOnceEnoughAcknowledgedEntriesAccumulate() throws Exception {
        String text = "y".repeat(60_000);
        try (Journal journal = Journal.open(dir, CLOCK)) {
            JournalEntry keep = journal.append("s-1", chunk(0, "keep"));
            for (int i = 0; i < 100; i++) {
                JournalEntry entry = journal.append("s-1", chunk(i * 60_000L, text));
                journal.ack(List.of(entry.eventId()));
            }
            assertThat(Files.size(dir.resolve(Journal.FILE))).isLessThan(Journal.COMPACT_DEAD_BYTES + 100_000);
            assertThat(journal.pending()).extracting(JournalEntry::eventId).containsExactly(keep.eventId());
        }
    }

    @Test
    void dropsATornLastLineAndADamagedLineWithoutFailing() throws Exception {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.append("s-1", chunk(0, "one"));
            journal.append("s-1", chunk(3, "two"));
            journal.append("s-1", chunk(6, "three"));
        }
        Path file = dir.resolve(Journal.FILE);
        List<String> lines = Files.readAllLines(file);
        String damaged = lines.get(1).replace("two", "tw0");
        Files.writeString(file, lines.get(0) + "\n" + damaged + "\n" + lines.get(2) + "\n", StandardCharsets.UTF_8);
        Files.writeString(file, lines.get(2).substring(0, 40), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal reopened = Journal.open(dir, CLOCK)) {
            assertThat(reopened.pending())
                    .extracting(e -> ((CommandOutput) e.report().event()).text())
                    .containsExactly("one", "three");
            reopened.append("s-1", chunk(11, "four"));
        }
        try (Journal again = Journal.open(dir, CLOCK)) {
            assertThat(again.pending()).hasSize(3);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void makesOutputWaitWhileFullButAlwaysTakesTheEndOfACommand() throws Exception {
        try (Journal journal = Journal.open(dir, CLOCK, 2_500)) {
            JournalEntry first = journal.append("s-1", chunk(0, "z".repeat(1_500)));
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    journal.append("s-1", chunk(1_500, "z".repeat(1_500)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            journal.append("s-1", new CommandFinished("c-1", 0, 1, 3_000, false));
            Thread.sleep(200);
            assertThat(writer.isAlive()).isTrue();
            journal.ack(List.of(first.eventId()));
            writer.join();
            assertThat(journal.pending()).hasSize(2);
        }
    }
}
