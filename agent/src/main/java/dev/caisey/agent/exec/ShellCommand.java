package dev.caisey.agent.exec;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.record.event.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The command line that runs a script in the shell the technician asked for: {@code /bin/sh -c SCRIPT} on Linux and
 * macOS; on Windows {@code pwsh} if it is on the PATH, else Windows PowerShell, with {@code -NoProfile -NonInteractive}.
 *
 * <p>PowerShell gets the script as {@code -EncodedCommand} (base64 of its UTF-16LE text), which PowerShell runs
 * exactly like {@code -Command SCRIPT}: Windows passes a process one command-line string that each program splits by
 * its own rules, and a script with quotes would not survive that; the encoded form has nothing to quote.
 */
public final class ShellCommand {
    /** The POSIX shell. */
    public static final String SH = "/bin/sh";

    /** PowerShell 7, preferred where installed. */
    public static final String PWSH = "pwsh.exe";

    /** Windows PowerShell 5.1, present on every supported Windows. */
    public static final String WINDOWS_POWERSHELL = "powershell.exe";

    private final boolean windows;
    private final Function<String, Optional<Path>> onPath;

    /**
     * @param windows whether the endpoint runs Windows
     * @param onPath finds a program by name on the PATH
     */
    public ShellCommand(boolean windows, Function<String, Optional<Path>> onPath) {
        this.windows = windows;
        this.onPath = onPath;
    }

    /** The shell command of this machine. */
    public static ShellCommand current() {
        return new ShellCommand(System.getProperty("os.name", "").startsWith("Windows"), ShellCommand::findOnPath);
    }

    /**
     * The program and arguments that run {@code script} in {@code shell}.
     *
     * @throws AgentException with {@link Failure#COMMAND_REFUSED} and words for the record if this endpoint has no
     *     such shell
     */
    public List<String> commandLine(Shell shell, String script) {
        return switch (shell) {
            case SH -> {
                if (windows) {
                    throw new AgentException(
                            Failure.COMMAND_REFUSED, "sh is not available on this endpoint, which runs Windows.");
                }
                yield List.of(SH, "-c", script);
            }
            case POWERSHELL -> {
                if (!windows) {
                    throw new AgentException(
                            Failure.COMMAND_REFUSED, "PowerShell is not available on this endpoint; use sh.");
                }
                String program = onPath.apply(PWSH).map(Path::toString).orElse(WINDOWS_POWERSHELL);
                yield List.of(program, "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded(script));
            }
        };
    }

    /** A script as PowerShell's {@code -EncodedCommand} takes it: base64 of its UTF-16LE bytes. */
    public static String encoded(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
