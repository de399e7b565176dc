package dev.caisey.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.Ok;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real server: enrollment through its command line, commands from a console, the record. */
class AgentEndToEndIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void enrollsRunsCommandsAndTheRecordShowsThemWithTheAgentsClock() throws Exception {
        try (AgentHarness harness = new AgentHarness(dir)) {
            harness.enroll(harness.serverUrl());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(harness.agentDir)))
                    .isEqualTo("rwx------");
            for (String file : new String[] {IdentityStore.IDENTITY_FILE, IdentityStore.KEY_FILE}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(harness.agentDir.resolve(file))))
                        .isEqualTo("rw-------");
            }
            harness.start(AgentHarness.FAST);
            harness.awaitOnline(WAIT);
            try (ConsoleView console = new ConsoleView(harness.fixture, harness.endpointId())) {
                console.request("c-1", "printf 'h\\303\\251llo\\n'; echo oops >&2; exit 2", 30);
                CommandFinished finished = (CommandFinished) console.end("c-1", WAIT);
                assertThat(finished.exitCode()).isEqualTo(2);
                assertThat(console.output("c-1", OutputChannel.STDOUT)).isEqualTo("héllo\n");
                assertThat(console.output("c-1", OutputChannel.STDERR)).isEqualTo("oops\n");
                RecordedEvent started = console.await(e -> e.event() instanceof CommandStarted, WAIT);
                assertThat(started.actor().role().name()).isEqualTo("AGENT");
                assertThat(started.sourceAt()).isNotNull();
                assertThat(Math.abs(started.sourceAt() - started.at()))
                        .isLessThan(Duration.ofMinutes(1).toNanos() / 1000);
                assertThat(started.id()).matches("[0-9a-f-]{36}");

                console.request("c-2", "echo begin; sleep 300", 600);
                console.await(
                        e -> e.event() instanceof CommandStarted s
                                && s.commandId().equals("c-2"),
                        WAIT);
                console.wire.ask(new CommandCancel(console.session, "c-2"), Ok.class);
                assertThat(console.end("c-2", WAIT)).isInstanceOf(CommandCancelled.class);

                console.wire.ask(
                        new CommandRequest(
                                console.session, "c-3", Shell.POWERSHELL, "Get-Service", null, 30, null, false),
                        Ok.class);
                assertThat(((CommandCancelled) console.end("c-3", WAIT)).reason())
                        .contains("PowerShell is not available on this endpoint");
                console.assertNoDuplicateIds();
            }
        }
    }

    @Test
    void aWrongFingerprintStoresNothingAndSaysWhatTheServerShowed() throws Exception {
        try (AgentHarness harness = new AgentHarness(dir)) {
            String wrong = "AB:".repeat(31) + "AB";
            String[] result = AgentHarness.cli(
                    "enroll",
                    "--server",
                    harness.serverUrl(),
                    "--token",
                    harness.token(),
                    "--fingerprint",
                    wrong,
                    "--data",
                    harness.agentDir.toString());
            assertThat(result[0]).isEqualTo("3");
            assertThat(result[2])
                    .contains("presented the certificate "
                            + harness.fixture.server().fingerprint())
                    .contains("trusts only " + wrong);
            assertThat(harness.agentDir).doesNotExist();
        }
    }

    @Test
    void acceptsThePlainHexFingerprintAndReportsARefusedTokenInTheServersWords() throws Exception {
        try (AgentHarness harness = new AgentHarness(dir)) {
            String hex = harness.fixture.server().fingerprint().replace(":", "").toLowerCase(java.util.Locale.ROOT);
            String[] result = AgentHarness.cli(
                    "enroll",
                    "--server",
                    harness.serverUrl(),
                    "--token",
                    "not-a-real-token-0123456789",
                    "--fingerprint",
                    hex,
                    "--data",
                    harness.agentDir.toString());
            assertThat(result[0]).isEqualTo("3");
            assertThat(result[2]).contains("The server refused the enrollment: This enrollment token is not valid");
            assertThat(harness.agentDir).doesNotExist();
        }
    }

    @Test
    void aRevokedAgentStopsWithAClearMessageInsteadOfRetryingForever() throws Exception {
        try (AgentHarness harness = new AgentHarness(dir)) {
            harness.enroll(harness.serverUrl());
            harness.start(AgentHarness.FAST);
            harness.awaitOnline(WAIT);
            harness.fixture.server().context().endpoints().revoke(harness.endpointId(), Instant.now());
            harness.agentService().disconnect("test: cut after revocation");
            harness.serving().join(WAIT);
            assertThat(harness.serving().isAlive()).isFalse();
            assertThat(harness.failure.get())
                    .isInstanceOfSatisfying(
                            AgentException.class,
                            e -> assertThat(e.failure()).isEqualTo(AgentException.Failure.IDENTITY_REFUSED))
                    .hasMessageContaining("enroll it again");
        }
    }
}
