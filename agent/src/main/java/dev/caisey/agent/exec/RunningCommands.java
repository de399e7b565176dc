package dev.caisey.agent.exec;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.agent.identity.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands whose processes are running, kept in {@value #FILE} (rewritten durably at each start and end) so that
 * an agent restarted after a crash knows which commands it left unfinished: it kills what is left of their processes
 * and reports them cancelled, instead of leaving them running in the record forever.
 */
public final class RunningCommands {
    /** The file in the data folder. */
    public static final String FILE = "running.txt";

    /**
     * A command whose process was started.
     *
     * @param key the command
     * @param pid its process id
     * @param startedAt when the operating system says the process started, or {@code null} if unknown
     */
    public record Mark(CommandKey key, long pid, Instant startedAt) {}

    private final Path file;
    private final Map<CommandKey, Mark> marks = new LinkedHashMap<>();

    /** The marks in data folder {@code dir}, as a previous run left them. */
    public RunningCommands(Path dir) {
        this.file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.split(" ");
                    if (parts.length == 4) {
                        Instant at = parts[3].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[3]));
                        CommandKey key = new CommandKey(parts[0], parts[1]);
                        marks.put(key, new Mark(key, Long.parseLong(parts[2]), at));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new AgentException(Failure.JOURNAL, "The list of running commands in " + file + " is unreadable.", e);
        }
    }

    /** Records that a command's process started. */
    public synchronized void started(CommandKey key, ProcessHandle process) {
        marks.put(
                key, new Mark(key, process.pid(), process.info().startInstant().orElse(null)));
        save();
    }

    /** Records that a command ended (its last event is in the journal). */
    public synchronized void ended(CommandKey key) {
        if (marks.remove(key) != null) {
            save();
        }
    }

    /** The commands marked running. */
    public synchronized List<Mark> marks() {
        return List.copyOf(marks.values());
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        for (Mark mark : marks.values()) {
            text.append(mark.key().session())
                    .append(' ')
                    .append(mark.key().commandId())
                    .append(' ')
                    .append(mark.pid())
                    .append(' ')
                    .append(
                            mark.startedAt() == null
                                    ? "-"
                                    : Long.toString(mark.startedAt().toEpochMilli()))
                    .append('\n');
        }
        try {
            OwnerOnly.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AgentException(Failure.JOURNAL, "The list of running commands cannot be written.", e);
        }
    }

    /** The marked commands' processes that still run, as the same processes (not a reused pid). */
    public static List<ProcessHandle> leftovers(List<Mark> marks) {
        List<ProcessHandle> alive = new ArrayList<>();
        for (Mark mark : marks) {
            ProcessHandle.of(mark.pid())
                    .filter(p -> mark.startedAt() != null
                            && p.info()
                                    .startInstant()
                                    .map(mark.startedAt()::equals)
                                    .orElse(false))
                    .ifPresent(alive::add);
        }
        return alive;
    }
}
