package dev.caisey.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.Limits;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes under {@code /bin/sh}: exit codes, streams, limits, cancellation and the process tree. */
class CommandRunnerIT {
    private static final String SESSION = "s-1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final RecordingReporter reporter = new RecordingReporter();
    private CommandRunner runner;

    @BeforeEach
    void start() {
        runner = new CommandRunner(new ExecSettings(
                reporter, ShellCommand.current(), new RunningCommands(dir), dir, Duration.ofMillis(50), 2));
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    private static CommandRun sh(String id, String script, long timeoutSeconds, long limitChars) {
        return new CommandRun(SESSION, id, Shell.SH, script, null, timeoutSeconds, limitChars);
    }

    @Test
    void reportsStartedOutputOnBothChannelsAndTheExitCode() throws Exception {
        runner.submit(sh("c-1", "echo out; echo err >&2; exit 3", 30, MIB));
        CommandFinished finished = (CommandFinished) reporter.end("c-1", WAIT);
        assertThat(finished.exitCode()).isEqualTo(3);
        assertThat(finished.truncated()).isFalse();
        assertThat(finished.outputChars()).isEqualTo(8);
        assertThat(reporter.output("c-1", OutputChannel.STDOUT)).isEqualTo("out\n");
        assertThat(reporter.output("c-1", OutputChannel.STDERR)).isEqualTo("err\n");
        assertThat(reporter.events().getFirst())
                .isInstanceOfSatisfying(
                        CommandStarted.class, s -> assertThat(s.pid()).isPositive());
    }

    @Test
    void decodesMultiByteCharactersSplitAcrossReadsAndChunks() throws Exception {
        // 3-byte and 4-byte characters written byte by byte, with pauses, so they straddle reads and linger flushes.
        String script = "for i in 1 2 3; do printf '\\342'; sleep 0.1; printf '\\202\\254'; printf '\\360\\237';"
                + " sleep 0.1; printf '\\230\\200'; done; printf 'gr\\303\\274\\303\\237e\\n'";
        runner.submit(sh("c-u", script, 30, MIB));
        reporter.end("c-u", WAIT);
        assertThat(reporter.output("c-u", OutputChannel.STDOUT)).isEqualTo("€😀€😀€😀grüße\n");
        assertThat(reporter.chunks("c-u")).isGreaterThan(1);
    }

    @Test
    void capsFiftyMegabytesOfOutputAtTheLimitAndRecordsTheTruncation() throws Exception {
        long limit = MIB;
        runner.submit(sh("c-big", "head -c 52428800 /dev/zero | tr '\\0' 'x'; echo done >&2", 120, limit));
        CommandFinished finished = (CommandFinished) reporter.end("c-big", WAIT);
        assertThat(finished.truncated()).isTrue();
        assertThat(finished.outputChars()).isEqualTo(limit);
        assertThat(finished.exitCode()).isZero();
        String out = reporter.output("c-big", OutputChannel.STDOUT);
        assertThat(out).hasSize((int) limit).matches("x+");
        assertThat(reporter.events())
                .filteredOn(CommandOutput.class::isInstance)
                .allSatisfy(e -> assertThat(((CommandOutput) e).text().length())
                        .isLessThanOrEqualTo(Limits.MAX_OUTPUT_CHUNK_CHARS));
    }

    @Test
    void coalescesAFloodOfTinyLinesIntoFewChunks() throws Exception {
        runner.submit(sh("c-flood", "i=0; while [ $i -lt 20000 ]; do echo $i; i=$((i+1)); done", 60, MIB));
        reporter.end("c-flood", WAIT);
        String out = reporter.output("c-flood", OutputChannel.STDOUT);
        assertThat(out.lines()).hasSize(20000);
        assertThat(reporter.chunks("c-flood")).isLessThan(200);
    }

    @Test
    void killsTheWholeTreeOfACommandThatRunsPastItsLimit() throws Exception {
        Path pids = dir.resolve("pids");
        runner.submit(sh("c-slow", "sleep 300 & echo $! > " + pids + "; sleep 300", 1, MIB));
        CommandStarted started = (CommandStarted) reporter.await(CommandStarted.class::isInstance, WAIT);
        CommandTimedOut timedOut = (CommandTimedOut) reporter.end("c-slow", WAIT);
        assertThat(timedOut.timeoutSeconds()).isEqualTo(1);
        assertThat(timedOut.durationMillis()).isBetween(900L, 10_000L);
        assertGone(started.pid());
        assertGone(Long.parseLong(Files.readString(pids).strip()));
    }

    @Test
    void cancelKillsAProcessAndEveryChildItSpawned() throws Exception {
        Path pids = dir.resolve("children");
        runner.submit(sh(
                "c-tree",
                "(sleep 300 & echo $! >> " + pids + "; sleep 300) & sh -c 'sleep 300 & echo $! >> " + pids
                        + "; sleep 300' & echo ready; wait",
                300,
                MIB));
        CommandStarted started = (CommandStarted) reporter.await(CommandStarted.class::isInstance, WAIT);
        reporter.await(e -> e instanceof CommandOutput o && o.text().contains("ready"), WAIT);
        List<Long> tree = new ArrayList<>();
        tree.add(started.pid());
        ProcessHandle.of(started.pid()).orElseThrow().descendants().forEach(p -> tree.add(p.pid()));
        assertThat(tree).hasSizeGreaterThanOrEqualTo(5);
        runner.cancel(new CommandCancel(SESSION, "c-tree"));
        assertThat(reporter.end("c-tree", WAIT)).isInstanceOf(CommandCancelled.class);
        for (long pid : tree) {
            assertGone(pid);
        }
    }

    @Test
    void runsAtMostTheConfiguredNumberOfCommandsAtOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            runner.submit(sh("c-" + i, "sleep 0.3", 30, MIB));
        }
        for (int i = 0; i < 5; i++) {
            reporter.end("c-" + i, WAIT);
        }
        int running = 0;
        int most = 0;
        for (Event event : reporter.events()) {
            if (event instanceof CommandStarted) {
                most = Math.max(most, ++running);
            } else if (event instanceof CommandFinished) {
                running--;
            }
        }
        assertThat(most).isEqualTo(2);
    }

    @Test
    void runsACommandSentTwiceOnlyOnce() throws Exception {
        runner.submit(sh("c-once", "echo once", 30, MIB));
        runner.submit(sh("c-once", "echo once", 30, MIB));
        reporter.end("c-once", WAIT);
        Thread.sleep(300);
        assertThat(reporter.events())
                .filteredOn(CommandStarted.class::isInstance)
                .hasSize(1);
    }

    @Test
    void refusesPowerShellOnThisEndpointAndAMissingFolderInWords() throws Exception {
        runner.submit(new CommandRun(SESSION, "c-ps", Shell.POWERSHELL, "Get-Service", null, 30, MIB));
        runner.submit(new CommandRun(
                SESSION, "c-dir", Shell.SH, "pwd", dir.resolve("nope").toString(), 30, MIB));
        assertThat(((CommandCancelled) reporter.end("c-ps", WAIT)).reason()).contains("PowerShell is not available");
        assertThat(((CommandCancelled) reporter.end("c-dir", WAIT)).reason()).contains("does not exist");
        assertThat(reporter.events()).noneMatch(CommandStarted.class::isInstance);
    }

    @Test
    void runsInTheRequestedWorkingDirectory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("work"));
        runner.submit(new CommandRun(SESSION, "c-pwd", Shell.SH, "pwd", folder.toString(), 30, MIB));
        reporter.end("c-pwd", WAIT);
        assertThat(reporter.output("c-pwd", OutputChannel.STDOUT).strip())
                .isEqualTo(folder.toRealPath().toString());
    }

    private static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is gone", pid)
                .isFalse();
    }
}
