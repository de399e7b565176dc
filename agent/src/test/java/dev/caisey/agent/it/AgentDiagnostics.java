package dev.caisey.agent.it;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a test shows when the agent stalls: the agent's last log lines (kept in memory down to its debug level, which
 * the console does not print) and a dump of every thread, virtual ones included, written under {@code target/}.
 */
final class AgentDiagnostics implements AutoCloseable {
    private static final int KEPT_LINES = 300;
    private static final Path DUMP_DIR = Path.of("target", "thread-dumps");

    // Held strongly: java.util.logging forgets the level of a logger nobody references.
    private final List<Logger> loggers =
            List.of(Logger.getLogger("dev.caisey.agent"), Logger.getLogger("org.glassfish.tyrus"));
    private final List<Level> levelsBefore = new ArrayList<>();
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private final Handler handler = new Handler() {
        private final Formatter format = new Formatter() {
            @Override
            public String format(LogRecord record) {
                String line = Instant.ofEpochMilli(record.getMillis()) + " [" + record.getLongThreadID() + "] "
                        + record.getLevel() + " " + record.getLoggerName() + ": " + formatMessage(record);
                return record.getThrown() == null ? line : line + " -- " + record.getThrown();
            }
        };

        @Override
        public void publish(LogRecord record) {
            String line = format.format(record);
            synchronized (recent) {
                if (recent.size() == KEPT_LINES) {
                    recent.removeFirst();
                }
                recent.addLast(line);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    AgentDiagnostics() {
        handler.setLevel(Level.ALL);
        for (Logger logger : loggers) {
            levelsBefore.add(logger.getLevel());
            logger.addHandler(handler);
        }
        loggers.get(0).setLevel(Level.FINE);
        loggers.get(1).setLevel(Level.CONFIG);
    }

    /** Writes a dump of every thread, named after {@code what}, and returns its path. */
    Path threadDump(String what) {
        Path file = DUMP_DIR.resolve(what + "-" + System.currentTimeMillis() + ".txt")
                .toAbsolutePath();
        try {
            Files.createDirectories(DUMP_DIR);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), ThreadDumpFormat.TEXT_PLAIN);
        } catch (IOException | RuntimeException e) {
            System.out.println("could not dump threads to " + file + ": " + e);
        }
        return file;
    }

    /** Prints the agent's recent log lines under the heading {@code what}. */
    void printRecentLog(String what) {
        List<String> lines;
        synchronized (recent) {
            lines = List.copyOf(recent);
        }
        System.out.println("--- " + what + ": the agent's last " + lines.size() + " log lines");
        lines.forEach(System.out::println);
        System.out.println("--- end of " + what);
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setLevel(levelsBefore.get(i));
        }
    }
}
