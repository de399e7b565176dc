package dev.caisey.console.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every subcommand takes. */
final class Common {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help (the exit statuses are in caisey --help).")
    boolean help;

    @Option(names = "--json", description = "Print the result as JSON (one document, or one per line while streaming).")
    boolean json;

    @Option(
            names = "--config-dir",
            paramLabel = "DIR",
            description = "Where the trusted servers and the sign-in are kept (default: $CAISEY_CONFIG_DIR, else"
                    + " $XDG_CONFIG_HOME/caisey, else ~/.config/caisey).")
    Path configDir;
}
