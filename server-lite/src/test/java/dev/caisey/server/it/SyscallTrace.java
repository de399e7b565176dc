package dev.caisey.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system calls of a process tree as {@code strace} recorded them, in the order they happened: what {@link #command}
 * asks for ({@code -f -ttt -yy}, so every line has a thread, a time in microseconds and the file or socket behind its
 * descriptor) read back by {@link #read}. Lines are strace's linearisation of all threads: a call that was interrupted
 * by another thread's shows as {@code <unfinished ...>} and later {@code <... resumed>}, so each {@link Call} has the
 * line it began on and the line it ended on, and "A ended before B began" is {@code a.end() < b.start()}.
 */
final class SyscallTrace {
    /** The calls traced: writes of every kind and every way of forcing a file to disk. */
    static final String CALLS =
            "trace=write,writev,pwrite64,pwritev,pwritev2,sendto,sendmsg,fsync,fdatasync,sync_file_range";

    /** Most bytes of a written buffer strace shows: enough for a whole H2 chunk. */
    static final int SHOWN_BYTES = 4 * 1024 * 1024;

    private static final Duration PROBE_WAIT = Duration.ofSeconds(10);
    private static final Pattern LINE = Pattern.compile("^(\\d+)\\s+(\\d+)\\.(\\d{6})\\s+(.*)$");
    private static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. (\\w+) resumed>");
    // The descriptor is followed by the next argument, the end of the call, or " <unfinished ...>".
    private static final Pattern CALL = Pattern.compile("^(\\w+)\\((\\d+)<(.*?)>(?=[,) ])");
    private static final String UNFINISHED = "<unfinished ...>";

    /**
     * One system call on a descriptor.
     *
     * @param start the line where it began
     * @param end the line where it returned
     * @param atMicros when it began, UTC microseconds
     * @param name the call, such as {@code pwrite64}
     * @param target what the descriptor is: a path, or {@code TCP:[local->remote]}
     * @param text the rest of the line as strace printed it (the buffer of a write, escaped)
     */
    record Call(int start, int end, long atMicros, String name, String target, String text) {
        boolean isWrite() {
            return name.contains("write") || name.startsWith("send");
        }

        boolean isSync() {
            return name.equals("fsync") || name.equals("fdatasync") || name.equals("sync_file_range");
        }
    }

    private final List<Call> calls;

    private SyscallTrace(List<Call> calls) {
        this.calls = List.copyOf(calls);
    }

    /** The command prefix that traces a program into {@code output}. */
    static List<String> command(Path output) {
        return List.of(
                "strace",
                "-f",
                "--seccomp-bpf",
                "-qq",
                "-ttt",
                "-yy",
                "-s",
                Integer.toString(SHOWN_BYTES),
                "-e",
                CALLS,
                "-o",
                output.toString());
    }

    /** Whether strace is installed and may trace here (ptrace can be forbidden in containers). */
    static boolean available() throws InterruptedException {
        try {
            List<String> probe = new ArrayList<>(command(Path.of("/dev/null")));
            probe.add("true");
            Process process = new ProcessBuilder(probe)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false; // not installed
        }
    }

    /** Reads a finished trace. */
    static SyscallTrace read(Path file) throws IOException {
        List<Call> calls = new ArrayList<>();
        Map<String, Call> unfinished = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = LINE.matcher(lines.get(i));
            if (!line.matches()) {
                continue;
            }
            String thread = line.group(1);
            String rest = line.group(4);
            Matcher resumed = RESUMED.matcher(rest);
            if (resumed.find()) {
                Call begun = unfinished.remove(thread);
                if (begun != null) {
                    calls.add(new Call(
                            begun.start(), i, begun.atMicros(), begun.name(), begun.target(), begun.text() + rest));
                }
                continue;
            }
            Matcher call = CALL.matcher(rest);
            if (!call.find()) {
                continue; // signals, exits, calls on no descriptor
            }
            long at = Long.parseLong(line.group(2)) * 1_000_000L + Long.parseLong(line.group(3));
            Call begun = new Call(i, i, at, call.group(1), call.group(3), rest);
            if (rest.endsWith(UNFINISHED)) {
                unfinished.put(thread, begun);
            } else {
                calls.add(begun);
            }
        }
        calls.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new SyscallTrace(calls);
    }

    /** The calls that match, in the order they began. */
    List<Call> calls(Predicate<Call> match) {
        return calls.stream().filter(match).toList();
    }
}
