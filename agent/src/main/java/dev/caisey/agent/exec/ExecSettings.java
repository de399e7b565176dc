package dev.caisey.agent.exec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every command execution needs from the agent.
 *
 * @param reporter where events go
 * @param shells how scripts become command lines
 * @param running where started processes are marked
 * @param defaultDirectory where a command without a working directory runs
 * @param linger how long buffered output may wait before it is sent
 * @param concurrency how many commands run at once
 */
public record ExecSettings(
        Reporter reporter,
        ShellCommand shells,
        RunningCommands running,
        Path defaultDirectory,
        Duration linger,
        int concurrency) {
    /** How long buffered output may wait before it is sent. */
    public static final Duration OUTPUT_LINGER = Duration.ofMillis(75);

    /** Commands run at once; more wait in a queue. */
    public static final int MAX_CONCURRENT_COMMANDS = 4;

    /** This machine's shells, the user's home folder, the default linger and concurrency. */
    public static ExecSettings of(Reporter reporter, RunningCommands running) {
        return new ExecSettings(
                reporter,
                ShellCommand.current(),
                running,
                Path.of(System.getProperty("user.home")),
                OUTPUT_LINGER,
                MAX_CONCURRENT_COMMANDS);
    }
}
