package dev.caisey.agent.exec;

import dev.caisey.agent.AgentException;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.protocol.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One command from {@code command.run} to its last event: starts the process in the right shell and folder, streams
 * its output, enforces its time limit, and reports exactly one of finished, timed out or cancelled. A command that
 * cannot run here (no such shell, no such folder) is reported cancelled with the reason in words.
 */
final class Execution {
    /** How long the output pipes may stay open after the process exits (a background child holding them). */
    static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final CommandRun run;
    private final CommandKey key;
    private final ExecSettings settings;
    private volatile String cancelReason;
    private volatile Process process;

    Execution(CommandRun run, ExecSettings settings) {
        this.run = run;
        this.key = new CommandKey(run.session(), run.commandId());
        this.settings = settings;
    }

    CommandKey key() {
        return key;
    }

    /** Stops the command: it never starts, or its whole process tree is killed; it is reported cancelled. */
    void cancel(String reason) {
        cancelReason = reason;
        Process running = process;
        if (running != null) {
            ProcessTree.kill(running.toHandle());
        }
    }

    /** Runs the command to its end; returns once its last event is in the journal. */
    void run() throws InterruptedException {
        if (cancelReason != null) {
            cancelled(cancelReason);
            return;
        }
        List<String> commandLine;
        Path directory;
        try {
            commandLine = settings.shells().commandLine(run.shell(), run.script());
            directory = directory();
        } catch (AgentException refusal) {
            cancelled(refusal.getMessage());
            return;
        }
        long startNanos = System.nanoTime();
        Process started;
        try {
            started = new ProcessBuilder(commandLine)
                    .directory(directory.toFile())
                    .start();
        } catch (IOException e) {
            cancelled("The command could not be started: " + e.getMessage());
            return;
        }
        process = started;
        settings.running().started(key, started.toHandle());
        settings.reporter().report(run.session(), new CommandStarted(run.commandId(), started.pid()));
        if (cancelReason != null) {
            ProcessTree.kill(started.toHandle());
        }
        try {
            started.getOutputStream().close();
        } catch (IOException e) {
            // The command does not read its input; nothing to do.
        }
        follow(started, startNanos);
        settings.running().ended(key);
    }

    private void follow(Process started, long startNanos) throws InterruptedException {
        OutputCollector collector = new OutputCollector(
                key,
                settings.reporter(),
                run.outputLimitChars(),
                settings.linger().toNanos());
        Thread out = Thread.ofVirtual()
                .name("out-" + key)
                .start(new OutputPump(started.getInputStream(), OutputChannel.STDOUT, collector));
        Thread err = Thread.ofVirtual()
                .name("err-" + key)
                .start(new OutputPump(started.getErrorStream(), OutputChannel.STDERR, collector));
        long deadline = startNanos + TimeUnit.SECONDS.toNanos(run.timeoutSeconds());
        boolean timedOut = false;
        while (!started.waitFor(settings.linger().toMillis(), TimeUnit.MILLISECONDS)) {
            collector.flushLingering(System.nanoTime());
            if (!timedOut && cancelReason == null && System.nanoTime() - deadline >= 0) {
                timedOut = true;
                ProcessTree.kill(started.toHandle());
            }
        }
        long drainUntil = System.nanoTime() + DRAIN_AFTER_EXIT.toNanos();
        while ((out.isAlive() || err.isAlive()) && System.nanoTime() - drainUntil < 0) {
            out.join(settings.linger());
            err.join(settings.linger());
            collector.flushLingering(System.nanoTime());
        }
        if (out.isAlive() || err.isAlive()) {
            closeQuietly(started);
            out.join(DRAIN_AFTER_EXIT);
            err.join(DRAIN_AFTER_EXIT);
        }
        collector.flushAll();
        long durationMillis = (System.nanoTime() - startNanos) / NANOS_PER_MILLI;
        String reason = cancelReason;
        if (reason != null) {
            cancelled(reason);
        } else if (timedOut) {
            settings.reporter()
                    .report(run.session(), new CommandTimedOut(run.commandId(), run.timeoutSeconds(), durationMillis));
        } else {
            settings.reporter()
                    .report(
                            run.session(),
                            new CommandFinished(
                                    run.commandId(),
                                    started.exitValue(),
                                    durationMillis,
                                    collector.sentChars(),
                                    collector.truncated()));
        }
    }

    private Path directory() {
        if (run.workingDirectory() == null) {
            return settings.defaultDirectory();
        }
        Path dir = Path.of(run.workingDirectory());
        if (!Files.isDirectory(dir)) {
            throw new AgentException(
                    AgentException.Failure.COMMAND_REFUSED,
                    "The working directory " + run.workingDirectory() + " does not exist on this endpoint.");
        }
        return dir;
    }

    private void cancelled(String reason) throws InterruptedException {
        settings.reporter().report(run.session(), new CommandCancelled(run.commandId(), clip(reason)));
    }

    private static String clip(String reason) {
        int max = dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS;
        return reason.length() <= max ? reason : reason.substring(0, max - 1) + "…";
    }

    private static void closeQuietly(Process started) {
        try {
            started.getInputStream().close();
            started.getErrorStream().close();
        } catch (IOException e) {
            // Closing only unblocks the pumps; a failure leaves them to end with the pipe.
        }
    }
}
