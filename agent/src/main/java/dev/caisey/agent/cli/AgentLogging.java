package dev.caisey.agent.cli;

import dev.caisey.agent.identity.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The service's logging: {@code System.Logger} goes to {@code java.util.logging}, which writes to stderr (for the
 * service manager's journal) and to rotating files in {@code DIR/logs}, {@value #FILE_COUNT} files of at most
 * {@value #FILE_LIMIT_BYTES} bytes each.
 */
final class AgentLogging {
    /** Largest log file before it rotates. */
    static final int FILE_LIMIT_BYTES = 5 * 1024 * 1024;

    /** Log files kept. */
    static final int FILE_COUNT = 5;

    /** One line per record, UTC-independent ISO time first. */
    static final String FORMAT = "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n";

    // Held so the configured loggers are not collected and reset.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger CAISEY = Logger.getLogger("dev.caisey");

    private AgentLogging() {}

    static void install(Path dataDir) throws IOException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        }
        Path logs = dataDir.resolve("logs");
        OwnerOnly.createDirectories(logs);
        FileHandler file = new FileHandler(logs.resolve("agent-%g.log").toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
        file.setFormatter(new SimpleFormatter());
        file.setLevel(Level.ALL);
        ROOT.addHandler(file);
        boolean console = false;
        for (var handler : ROOT.getHandlers()) {
            console |= handler instanceof ConsoleHandler;
        }
        if (!console) {
            ConsoleHandler stderr = new ConsoleHandler();
            stderr.setFormatter(new SimpleFormatter());
            ROOT.addHandler(stderr);
        }
        if (CAISEY.getLevel() == null || CAISEY.getLevel().intValue() > Level.INFO.intValue()) {
            CAISEY.setLevel(Level.INFO);
        }
    }
}
