package dev.caisey.console.cli;

import dev.caisey.console.config.ConsoleHome;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** The {@code caisey} command line run in-process, with its own config folder and no terminal, as tests need it. */
record CliRun(int status, String out, String err) {
    static CliRun of(Path config, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = CaiseyCommand.run(
                new CliContext(
                        new ByteArrayInputStream(new byte[0]),
                        new PrintWriter(o),
                        new PrintWriter(e),
                        Map.of(ConsoleHome.ENV, config.toString()),
                        null),
                args);
        return new CliRun(status, o.toString(), e.toString());
    }
}
