package dev.caisey.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
    private static final Instant AT = Instant.parse("2026-11-17T20:20:01.123456Z");

    @TempDir
    Path dir;

    @Test
    void keepsEntriesAcrossARestartInOrderPerSession() {
        Principal mia = new Principal("u-mia", "mia", "Mia Chen", AccountRole.MANAGER, "o-harbor");
        try (Database database = Database.open(dir)) {
            AccessLog log = new AccessLog(database, Clock.fixed(AT, ZoneOffset.UTC));
            log.record(mia, AccessAction.SHARE_CREATED, "s-1", "share link sh-1");
            log.record("holder of share link sh-1", null, AccessAction.SHARE_VIEWED, "s-1", null);
            log.record(mia, AccessAction.EMAIL_REQUESTED, "s-2", "to ap@harbor.example");
            log.record(mia, AccessAction.SHARE_REVOKED, "s-1", "share link sh-1");
        }

        try (Database database = Database.open(dir)) {
            AccessLog log = new AccessLog(database, Clock.systemUTC());

            assertThat(log.forSession("s-1", 10))
                    .containsExactly(
                            new AccessEntry(
                                    Micros.of(AT),
                                    "mia",
                                    AccountRole.MANAGER,
                                    AccessAction.SHARE_CREATED,
                                    "s-1",
                                    "share link sh-1"),
                            new AccessEntry(
                                    Micros.of(AT),
                                    "holder of share link sh-1",
                                    null,
                                    AccessAction.SHARE_VIEWED,
                                    "s-1",
                                    null),
                            new AccessEntry(
                                    Micros.of(AT),
                                    "mia",
                                    AccountRole.MANAGER,
                                    AccessAction.SHARE_REVOKED,
                                    "s-1",
                                    "share link sh-1"));
            assertThat(log.forSession("s-1", 2))
                    .extracting(AccessEntry::action)
                    .as("the most recent two, oldest first")
                    .containsExactly(AccessAction.SHARE_VIEWED, AccessAction.SHARE_REVOKED);
            assertThat(log.all(10)).hasSize(4);
            assertThat(log.forSession("s-3", 10)).isEmpty();
        }
    }

    @Test
    void shortensADetailTooLongForTheWire() {
        try (Database database = Database.open(dir)) {
            AccessLog log = new AccessLog(database, Clock.systemUTC());

            AccessEntry entry =
                    log.record("dana", AccountRole.TECHNICIAN, AccessAction.EMAIL_FAILED, "s-1", "x".repeat(5_000));

            assertThat(entry.detail())
                    .hasSize(dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS)
                    .endsWith("…");
            assertThat(log.forSession("s-1", 1).getFirst()).isEqualTo(entry);
        }
    }
}
