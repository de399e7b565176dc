package dev.caisey.agent;

import dev.caisey.agent.connection.AgentService;
import dev.caisey.agent.exec.CommandKey;
import dev.caisey.agent.exec.CommandRunner;
import dev.caisey.agent.exec.ExecSettings;
import dev.caisey.agent.exec.ProcessTree;
import dev.caisey.agent.exec.RunningCommands;
import dev.caisey.agent.exec.ShellCommand;
import dev.caisey.agent.identity.HostInfo;
import dev.caisey.agent.identity.Identity;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.agent.journal.Journal;
import dev.caisey.agent.journal.JournalEntry;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent's composition root: identity, journal, command runner and connection service, wired through their
 * constructors. Opening it also settles what a previous run left behind: commands that were running when it stopped
 * are killed if anything of them is left, and reported cancelled; the journal's pending events are sent first.
 */
public final class Agent implements Closeable {
    /** The reason recorded for a command the agent was running when it stopped without warning. */
    public static final String INTERRUPTED_BY_RESTART =
            "The agent stopped while this command ran (it crashed or the endpoint restarted); the command was stopped"
                    + " and any output after the last recorded chunk is lost.";

    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final Journal journal;
    private final CommandRunner runner;
    private final AgentService service;

    private Agent(Journal journal, CommandRunner runner, AgentService service) {
        this.journal = journal;
        this.runner = runner;
        this.service = service;
    }

    /** Opens the agent enrolled in {@code config.dataDir()}; {@link #run()} then serves. */
    public static Agent open(AgentConfig config) throws InterruptedException {
        Path dir = config.dataDir();
        Identity identity = new IdentityStore(dir).load();
        Journal journal = Journal.open(dir, config.clock());
        RunningCommands running = new RunningCommands(dir);
        Set<CommandKey> known = recover(journal, running);
        ExecSettings exec = new ExecSettings(
                journal::append,
                ShellCommand.current(),
                running,
                Path.of(System.getProperty("user.home")),
                config.linger(),
                config.concurrency());
        CommandRunner runner = new CommandRunner(exec);
        runner.remember(known);
        AgentService service =
                new AgentService(identity, HostInfo.current(), journal, runner, config.link(), config.clock());
        return new Agent(journal, runner, service);
    }

    private static Set<CommandKey> recover(Journal journal, RunningCommands running) throws InterruptedException {
        Set<CommandKey> known = new HashSet<>();
        Set<CommandKey> ended = new HashSet<>();
        for (JournalEntry entry : journal.pending()) {
            CommandKey key = new CommandKey(
                    entry.report().session(), commandId(entry.report().event()));
            known.add(key);
            if (!(entry.report().event() instanceof CommandStarted
                    || entry.report().event() instanceof CommandOutput)) {
                ended.add(key);
            }
        }
        List<RunningCommands.Mark> marks = running.marks();
        for (ProcessHandle leftover : RunningCommands.leftovers(marks)) {
            LOG.log(Level.WARNING, "killing process {0}, left running by the previous run", leftover.pid());
            ProcessTree.kill(leftover);
        }
        for (RunningCommands.Mark mark : marks) {
            known.add(mark.key());
            if (!ended.contains(mark.key())) {
                LOG.log(
                        Level.WARNING,
                        "command {0} was running when the agent stopped; reporting it cancelled",
                        mark.key());
                journal.append(
                        mark.key().session(), new CommandCancelled(mark.key().commandId(), INTERRUPTED_BY_RESTART));
            }
            running.ended(mark.key());
        }
        return known;
    }

    private static String commandId(Event event) {
        return switch (event) {
            case CommandStarted e -> e.commandId();
            case CommandOutput e -> e.commandId();
            case CommandFinished e -> e.commandId();
            case CommandCancelled e -> e.commandId();
            case CommandTimedOut e -> e.commandId();
            default -> "";
        };
    }

    /** Serves until {@link #close()} or a failure retrying cannot mend ({@link AgentException} with a fatal failure). */
    public void run() throws InterruptedException {
        service.run();
    }

    /** The connection service (tests cut its connection). */
    public AgentService service() {
        return service;
    }

    /** Stops: the connection ends, running commands are killed and reported cancelled in the journal. */
    @Override
    public void close() throws IOException {
        service.stop();
        runner.close();
        journal.close();
    }
}
