package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.console.cli.ExitCodes;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caisey sla} against a real server: it syncs the local copy, then gives the organisation's figures (a session
 * reported 30 minutes before connection and fixed within the 4-hour target; another closed unfixed); with the server
 * gone it works from the local copy and says so; an unknown organisation or a bad day is refused in words.
 */
class SlaCliIT {
    @TempDir
    Path dir;

    @Test
    void figuresFromTheSyncedCopyAndThenOffline() throws Exception {
        Instant reported = Instant.now().minus(Duration.ofMinutes(30));
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            String fixed;
            try (ServerFixture.Agent agent = h.fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                    WireClient dana = h.fixture.console("dana")) {
                fixed = dana.ask(new SessionOpen(agent.endpointId(), "HD-1", Micros.of(reported)), SessionCreated.class)
                        .session();
                dana.ask(new ChatSend(fixed, "Restarting the spooler."), Ok.class);
                dana.ask(new VerificationMark(fixed, null, Verdict.PASSED, "A test page printed."), Ok.class);
                dana.ask(new SessionClose(fixed, "Restarted the spooler.", Outcome.RESOLVED), Ok.class);
                String unfixed = dana.ask(new SessionOpen(agent.endpointId(), "HD-2", null), SessionCreated.class)
                        .session();
                dana.ask(new SessionClose(unfixed, "Needs a new printer.", Outcome.ESCALATED), Ok.class);
            }
            h.login();
            String today = LocalDate.now(ZoneId.of("America/New_York")).toString();

            ConsoleHarness.Run json = h.caisey("sla", "--org", "o-harbor", "--to", today, "--json");
            assertThat(json.status()).as(json.err()).isEqualTo(ExitCodes.OK);
            JsonNode report = Json.parse(json.out());
            assertThat(report.at("/organisation/name").asText()).isEqualTo("Harbor Accounting LLP");
            assertThat(report.at("/overall/sessions").asInt()).isEqualTo(2);
            assertThat(report.at("/overall/withinTarget").asInt()).isEqualTo(1);
            assertThat(report.at("/overall/noVerifiedFix").asInt()).isEqualTo(1);
            JsonNode row = null;
            for (JsonNode r : report.get("sessions")) {
                if (r.get("session").asText().equals(fixed)) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.get("reportToConnectionSeconds").asLong()).isBetween(1_795L, 1_900L);
            assertThat(row.get("result").asText()).isEqualTo("met");

            ConsoleHarness.Run unknown = h.caisey("sla", "--org", "Nobody Ltd", "--offline");
            assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err())
                    .contains("No records of an organisation 'Nobody Ltd'")
                    .contains("o-harbor");
            ConsoleHarness.Run badDay = h.caisey("sla", "--org", "o-harbor", "--from", "25/11/2026");
            assertThat(badDay.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(badDay.err()).contains("--from must be a day like 2026-11-25");

            h.fixture.server().close();
            ConsoleHarness.Run offline = h.caisey("sla", "--org", "Harbor Accounting LLP", "--to", today);
            assertThat(offline.status()).as(offline.err()).isEqualTo(ExitCodes.OK);
            assertThat(offline.err()).contains("cannot be reached").contains("local copy");
            assertThat(offline.out()).contains("Harbor Accounting LLP").contains("PRN-ACCT-01");
        }
    }
}
