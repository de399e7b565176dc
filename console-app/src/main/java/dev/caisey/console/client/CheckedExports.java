package dev.caisey.console.client;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.ReportException;
import dev.caisey.report.pdf.ReportCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Checking what the server exported before it reaches the disk, and writing it whole or not at all. The command line's
 * {@code caisey export} and the desktop console's "Export PDF…" both write through here, so a report is never saved
 * with a signature or an attached record that does not verify, and a half-written file never sits under the chosen
 * name. Blocking (verification and disk): call it off the UI thread.
 */
public final class CheckedExports {
    private CheckedExports() {}

    /** Fails with {@link Failure#BROKEN_RECORD} unless {@code record} is a signed record whose chain verifies. */
    public static void checkRecord(byte[] record) {
        if (RecordVerifier.create().verify(record) instanceof Verification.Refused refused) {
            throw broken("The server sent a record that does not verify: " + refused.message());
        }
    }

    /**
     * Fails with {@link Failure#BROKEN_RECORD} unless {@code pdf} is a report whose signature checks out and whose
     * attached record verifies.
     */
    public static void checkReport(byte[] pdf) {
        ReportCheck.Checked checked;
        try {
            checked = ReportCheck.check(pdf);
        } catch (ReportException e) {
            throw broken("The server sent a PDF that does not check out: " + e.getMessage());
        }
        if (RecordVerifier.create().verify(checked.record()) instanceof Verification.Refused refused) {
            throw broken("The PDF's attached record does not verify: " + refused.message());
        }
    }

    /**
     * Writes {@code bytes} to {@code target} atomically (a temporary file in the same folder, then a rename), creating
     * the folder if needed; returns the absolute path written. Fails with {@link Failure#BAD_INPUT} naming the file,
     * and then nothing was written.
     */
    public static Path write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        try {
            Path folder = Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(folder, ".caisey-export-", ".part");
            try {
                Files.write(partial, bytes);
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new ConsoleException(
                    Failure.BAD_INPUT,
                    "Cannot write " + target + ": " + e.getMessage()
                            + "; nothing was written. Choose a folder you may write to, with space left.");
        }
        return absolute;
    }

    private static ConsoleException broken(String why) {
        return new ConsoleException(
                Failure.BROKEN_RECORD,
                why + " Nothing was written. Export again; if it fails again, tell your administrator.");
    }
}
