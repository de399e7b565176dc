package dev.caisey.record.verify;

import dev.caisey.record.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caisey-verify FILE}: checks a session record export and says in one paragraph what it proves. */
@Command(
        name = "caisey-verify",
        mixinStandardHelpOptions = true,
        versionProvider = VerifyCommand.Version.class,
        description = {
            "Checks that a Caisey session record (*.caisey.json) is complete, unchanged and signed.",
            "Exit status: 0 the record is valid, 1 it is not (the first problem is printed), 2 usage error."
        })
public final class VerifyCommand implements Callable<Integer> {
    /** Exit status of a record that failed a check. */
    public static final int EXIT_INVALID = 1;

    @Parameters(index = "0", paramLabel = "FILE", description = "the exported record")
    private Path file;

    @Option(
            names = "--trust",
            paramLabel = "KEY_ID",
            split = ",",
            description = "accept only checkpoints signed by this key id (64 hex digits); may be repeated")
    private List<String> trusted = List.of();

    @Option(
            names = "--max-size",
            paramLabel = "MiB",
            description = "refuse files larger than this many MiB (default: ${DEFAULT-VALUE})")
    private long maxSizeMb = Limits.DEFAULT_MAX_EXPORT_BYTES / (1024 * 1024);

    @Option(names = "--quiet", description = "print nothing; only set the exit status")
    private boolean quiet;

    private final PrintWriter out;
    private final PrintWriter err;

    VerifyCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Set<String> keys = trusted.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Verification result = RecordVerifier.create()
                .withMaxBytes(maxSizeMb * 1024 * 1024)
                .trusting(keys)
                .verify(file);
        return switch (result) {
            case Verification.Verified verified -> {
                if (!quiet) {
                    out.println("VALID: " + verified.message());
                }
                yield 0;
            }
            case Verification.Refused refused -> {
                if (!quiet) {
                    err.println("NOT VALID: " + file.getFileName() + ": " + refused.message());
                }
                yield EXIT_INVALID;
            }
        };
    }

    /** Runs the command with the given streams and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line =
                new CommandLine(new VerifyCommand(out, err)).setOut(out).setErr(err);
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The {@code caisey-verify} entry point. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VerifyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"caisey-verify " + (version == null ? "(development build)" : version)};
        }
    }
}
