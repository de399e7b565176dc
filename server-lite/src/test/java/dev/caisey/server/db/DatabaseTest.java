package dev.caisey.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.server.store.H2EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Actor CLIENT = new Actor(Role.CLIENT, "c-1", "Maria");

    @TempDir
    Path dir;

    @Test
    void theFileOnlyGrowsWhileOpenAndCompactionGivesTheSpaceBackKeepingEveryEvent() throws Exception {
        int batches = 2_000;
        long grown;
        try (Database database = Database.open(dir)) {
            H2EventStore store = new H2EventStore(database);
            ChainHead head = ChainHead.genesis("s-1");
            for (int i = 0; i < batches; i++) {
                RecordedEvent event = head.next(1_000 + i, "e-" + i, CLIENT, null, new ChatMessage("message " + i));
                store.append(List.of(event), List.of());
                head = head.after(event);
            }
            grown = Files.size(database.file());
        }
        long compacted;
        try (Database database = Database.open(dir)) {
            database.compact();
            compacted = Files.size(database.file());
        }
        try (Database database = Database.open(dir)) {
            H2EventStore store = new H2EventStore(database);

            assertThat(store.count("s-1")).isEqualTo(batches);
            assertThat(store.head("s-1")).map(ChainHead::seq).contains((long) batches);
        }
        System.out.printf(
                "%d fsync'd one-event batches: file %d KiB while open, %d KiB after compaction%n",
                batches, grown / 1024, compacted / 1024);
        assertThat(compacted).isLessThan(grown);
    }
}
