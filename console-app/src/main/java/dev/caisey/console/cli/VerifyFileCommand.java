package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.Limits;
import dev.caisey.record.json.Json;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.ReportException;
import dev.caisey.report.pdf.ReportCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caisey verify FILE}: checks a session record ({@code *.caisey.json}) or a Caisey PDF report. For a PDF the
 * signature must cover the whole unchanged file, and the record attached to it must verify like a record file.
 * Needs no server: anyone given the file can run it.
 */
@Command(
        name = "verify",
        description = "Check a session record (.caisey.json) or a Caisey PDF report: signature, chain and checkpoints.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:Valid.",
            "1:Not valid, or not readable; the message says why.",
            "2:The command line was wrong."
        })
final class VerifyFileCommand implements Callable<Integer> {
    /** Exit status of a file that is not a valid record or report. */
    static final int NOT_VALID = 1;

    private final CliContext context;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .caisey.json record or the .pdf report.")
    Path file;

    @Option(
            names = "--trust",
            paramLabel = "KEY_ID",
            description = "Accept only checkpoints signed by this key id (repeatable); default: any key the record"
                    + " carries.")
    List<String> trusted = List.of();

    VerifyFileCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            if (Files.size(file) > Limits.DEFAULT_MAX_EXPORT_BYTES) {
                return notValid(
                        null,
                        "the file is larger than " + Limits.DEFAULT_MAX_EXPORT_BYTES / (1024 * 1024)
                                + " MiB, more than any record this version reads");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return notValid(null, "there is no file " + file);
        } catch (IOException e) {
            return notValid(null, "the file cannot be read: " + e.getMessage());
        }
        ReportCheck.Checked report = null;
        byte[] record = bytes;
        if (ReportCheck.looksLikePdf(bytes)) {
            try {
                report = ReportCheck.check(bytes);
                record = report.record();
            } catch (ReportException e) {
                return notValid(null, e.getMessage());
            }
        }
        Set<String> keys = trusted.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Verification result = RecordVerifier.create().trusting(keys).verify(record);
        return switch (result) {
            case Verification.Verified verified -> valid(report, verified);
            case Verification.Refused refused ->
                notValid(report, (report == null ? "" : "the attached record: ") + refused.message());
        };
    }

    private int valid(ReportCheck.Checked report, Verification.Verified verified) {
        if (common.json) {
            ObjectNode node = Json.object();
            node.put("valid", true);
            node.put("file", file.toString());
            addReport(node, report);
            node.put("record", verified.message());
            context.json(node);
        } else {
            if (report != null) {
                context.out()
                        .println("VALID PDF: signed by " + report.signer() + " (certificate SHA-256 "
                                + report.certificateSha256() + "); the signature covers the whole, unchanged file.");
            }
            context.out().println("VALID: " + verified.message());
        }
        return 0;
    }

    private int notValid(ReportCheck.Checked report, String why) {
        if (common.json) {
            ObjectNode node = Json.object();
            node.put("valid", false);
            node.put("file", file.toString());
            addReport(node, report);
            node.put("problem", why);
            context.json(node);
        } else {
            context.err().println("NOT VALID: " + file.getFileName() + ": " + why);
        }
        return NOT_VALID;
    }

    private static void addReport(ObjectNode node, ReportCheck.Checked report) {
        if (report != null) {
            node.put("signer", report.signer());
            node.put("certificateSha256", report.certificateSha256());
        }
    }
}
