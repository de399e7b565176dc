package dev.caisey.agent.exec;

import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRun;
import java.io.Closeable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the commands the server sends, at most {@link ExecSettings#concurrency()} at once on as many virtual worker
 * threads; up to {@link #MAX_WAITING_COMMANDS} more wait their turn, and one beyond that is reported cancelled because
 * the agent is busy. A command the agent has seen before (the server sends ready commands again after a reconnect)
 * is not run twice.
 */
public final class CommandRunner implements Closeable {
    /** Commands that may wait for a free worker. */
    public static final int MAX_WAITING_COMMANDS = 32;

    /** Command keys remembered to refuse a second run; the oldest are forgotten first. */
    public static final int MAX_REMEMBERED_COMMANDS = 10_000;

    /** How long stopping waits for running commands to be killed and reported. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(CommandRunner.class.getName());
    private static final long WORKER_POLL_MILLIS = 500;

    private final ExecSettings settings;
    private final BlockingQueue<Execution> waiting = new ArrayBlockingQueue<>(MAX_WAITING_COMMANDS);
    private final Map<CommandKey, Execution> active = new ConcurrentHashMap<>();
    private final Map<CommandKey, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CommandKey, Boolean> eldest) {
            return size() > MAX_REMEMBERED_COMMANDS;
        }
    };
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    /** Starts the workers. */
    public CommandRunner(ExecSettings settings) {
        this.settings = settings;
        for (int i = 0; i < settings.concurrency(); i++) {
            workers.add(Thread.ofVirtual().name("command-worker-" + i).start(this::work));
        }
    }

    /** Marks commands as seen (their events are in the journal from before a restart) so they never run again. */
    public void remember(Collection<CommandKey> keys) {
        synchronized (seen) {
            keys.forEach(key -> seen.put(key, Boolean.TRUE));
        }
    }

    /** Queues a command; one seen before is ignored, one that finds the queue full is reported cancelled. */
    public void submit(CommandRun run) throws InterruptedException {
        CommandKey key = new CommandKey(run.session(), run.commandId());
        synchronized (seen) {
            if (seen.put(key, Boolean.TRUE) != null) {
                LOG.log(Level.DEBUG, "command {0} was sent again; it runs once only", key);
                return;
            }
        }
        Execution execution = new Execution(run, settings);
        active.put(key, execution);
        if (stopping || !waiting.offer(execution)) {
            active.remove(key);
            settings.reporter()
                    .report(
                            run.session(),
                            new CommandCancelled(
                                    run.commandId(),
                                    "The agent is busy: " + settings.concurrency() + " commands are running and "
                                            + MAX_WAITING_COMMANDS + " are waiting. Request it again later."));
            return;
        }
        LOG.log(
                Level.INFO,
                "command {0} queued ({1} in {2})",
                key,
                run.shell().wireName(),
                run.workingDirectory() == null ? "the default folder" : run.workingDirectory());
    }

    /** Cancels a waiting or running command; a command not known here is ignored (it ended already). */
    public void cancel(CommandCancel cancel) throws InterruptedException {
        CommandKey key = new CommandKey(cancel.session(), cancel.commandId());
        Execution execution = active.get(key);
        if (execution == null) {
            LOG.log(Level.INFO, "cancel for {0}, which is not running here; ignored", key);
            return;
        }
        if (waiting.remove(execution)) {
            active.remove(key);
            settings.reporter()
                    .report(
                            cancel.session(),
                            new CommandCancelled(cancel.commandId(), "Cancelled by the technician before it started."));
        } else {
            execution.cancel("Cancelled by the technician; the command and every process it started were stopped.");
        }
    }

    private void work() {
        try {
            while (!stopping) {
                Execution execution = waiting.poll(WORKER_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (execution != null) {
                    try {
                        execution.run();
                    } finally {
                        active.remove(execution.key());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commands waiting or running. */
    public int activeCount() {
        return active.size();
    }

    /** Stops taking commands, kills the running ones (reported cancelled) and waits for their reports. */
    @Override
    public void close() {
        stopping = true;
        active.values().forEach(e -> e.cancel("The agent service was stopped while the command ran."));
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            worker.interrupt();
        }
    }
}
