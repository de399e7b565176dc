package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.client.CheckedExports;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.json.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caisey export SESSION --pdf FILE | --record FILE}: the session's PDF report (rendered and signed by the server)
 * or its signed record. Each is checked before it is written — the PDF's signature and attached record, the record's
 * chain and checkpoints — and written whole or not at all.
 */
@Command(name = "export", description = "Write a session's signed PDF report or its signed record, checked first.")
final class ExportCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "SESSION", description = "The session's id.")
    String session;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Targets targets;

    static final class Targets {
        @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report here.")
        Path pdf;

        /** Not {@code --json}: that one asks every command for JSON output. */
        @Option(names = "--record", paramLabel = "FILE", description = "Write the signed record (.caisey.json) here.")
        Path record;
    }

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode written = Json.object();
        try (ConsoleClient client = SignedIn.open(context, common)) {
            if (targets.record != null) {
                byte[] record = CliContext.await(client.exportRecord(session));
                CheckedExports.checkRecord(record);
                write(targets.record, record, written, "record");
            }
            if (targets.pdf != null) {
                byte[] pdf = CliContext.await(client.exportReport(session));
                CheckedExports.checkReport(pdf);
                write(targets.pdf, pdf, written, "pdf");
            }
        }
        if (common.json) {
            context.json(written);
        }
        return ExitCodes.OK;
    }

    private void write(Path target, byte[] bytes, ObjectNode written, String kind) {
        Path absolute = CheckedExports.write(target, bytes);
        if (!common.json) {
            context.out().println("Wrote " + target + " (" + bytes.length + " bytes, checked).");
        }
        written.put(kind, absolute.toString());
    }
}
