package dev.caisey.report.pdf;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.report.phrasebook.LocalClock;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The auditor's page: how many events the record has, its first and last hash, the server's signed checkpoint and the
 * key's fingerprint, a QR code of the last hash, and step-by-step instructions to verify the attached record with
 * {@code caisey-verify} or with nothing but {@code python3} and {@code openssl} (docs/RECORD.md).
 */
final class IntegrityPage {
    private static final float QR_SIZE_PT = 110;
    private static final float LABEL_PERCENT = 26;

    private final ReportContext context;
    private final ReportStyle style;

    IntegrityPage(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.INTEGRITY.begin(document, style);
        List<RecordedEvent> events = context.events();
        RecordedEvent first = events.getFirst();
        RecordedEvent last = events.getLast();
        Checkpoint checkpoint = context.lastCheckpoint();
        LocalClock clock = context.clock();
        document.add(style.body("The session's record is a chain of " + events.size() + " events. Each event carries "
                        + "the SHA-256 hash of the one before it, so changing, removing, adding or reordering any event "
                        + "breaks every link after it. The Caisey server signs the end of the chain with its Ed25519 key "
                        + "(a checkpoint), which vouches for every event up to it.")
                .setMarginBottom(8));
        Table facts = new Table(UnitValue.createPercentArray(new float[] {LABEL_PERCENT, 100 - LABEL_PERCENT}))
                .useAllAvailableWidth()
                .setFixedLayout();
        fact(
                facts,
                "Events",
                events.size() + " (numbered 1 to " + last.seq() + "), " + clock.dateTime(first.at()) + " to "
                        + clock.time(last.at()) + " " + clock.zoneLabel(first.at()));
        monoFact(facts, "First event’s hash", first.hash());
        monoFact(facts, "Last event’s hash", last.hash());
        fact(
                facts,
                "Signed checkpoint",
                context.export().checkpoints().size() + " in the record; the last covers event " + checkpoint.seq()
                        + " and was signed at " + clock.utcTime(checkpoint.at()) + " UTC");
        monoFact(facts, "Checkpoint signature (Ed25519, base64)", checkpoint.signature());
        monoFact(facts, "Signing key fingerprint (SHA-256 of the public key)", checkpoint.keyId());
        monoFact(facts, "Public key (base64 DER)", publicKey(checkpoint.keyId()));
        fact(facts, "Checked when this report was made", context.verifiedAs());
        document.add(facts);

        Image qr = new Image(
                        new BarcodeQRCode(last.hash()).createFormXObject(ReportStyle.INK, document.getPdfDocument()))
                .scaleToFit(QR_SIZE_PT, QR_SIZE_PT);
        Table qrRow = new Table(UnitValue.createPercentArray(new float[] {25, 75}))
                .useAllAvailableWidth()
                .setMarginTop(10);
        qrRow.addCell(ReportStyle.cell().add(qr));
        qrRow.addCell(ReportStyle.cell()
                .setVerticalAlignment(VerticalAlignment.MIDDLE)
                .add(style.body("The QR code holds the last event’s hash. A record that produces this hash, with a "
                        + "valid checkpoint on it, is the record this report describes.")));
        document.add(qrRow);

        document.add(style.subheading("How to verify"));
        step(
                document,
                "1.",
                "Save the attached record " + context.attachmentName() + ": open the attachments panel of "
                        + "your PDF reader, or run:",
                "pdfdetach -saveall this-report.pdf");
        step(
                document,
                "2.",
                "Check it with Caisey’s verifier; it prints VALID and a summary, or the first problem:",
                "caisey-verify " + context.attachmentName());
        step(
                document,
                "3.",
                "Or check it without any Caisey software: the python3 script in docs/RECORD.md "
                        + "(“Verifying with python3 and openssl”) recomputes every hash and checks every signature:",
                "python3 verify-record.py " + context.attachmentName());
        step(
                document,
                "4.",
                "The last checkpoint can be checked by hand with openssl alone:",
                opensslRecipe(checkpoint));
        step(
                document,
                "5.",
                "This PDF is itself digitally signed; any change to the file breaks that signature. "
                        + "A PDF reader shows it, or run:",
                "pdfsig this-report.pdf");
    }

    private void step(Document document, String number, String text, String command) {
        Table row = new Table(UnitValue.createPercentArray(new float[] {5, 95}))
                .useAllAvailableWidth()
                .setFixedLayout()
                .setMarginTop(4);
        row.addCell(ReportStyle.cell().add(style.body(number).setFont(style.bold)));
        Cell body = ReportStyle.cell().add(style.body(text));
        body.add(style.mono(command)
                .setFontColor(ReportStyle.INK)
                .setBackgroundColor(ReportStyle.PANEL)
                .setPadding(4)
                .setMarginTop(2));
        row.addCell(body);
        document.add(row);
    }

    private String opensslRecipe(Checkpoint c) {
        String signed = new String(c.signedBytes(), StandardCharsets.UTF_8);
        return "printf '%s' '" + signed + "' > msg.bin\n"
                + "echo '" + c.signature() + "' | openssl base64 -d -A > sig.bin\n"
                + "echo '" + publicKey(c.keyId()) + "' | openssl base64 -d -A > key.der\n"
                + "openssl pkeyutl -verify -pubin -inkey key.der -keyform DER -rawin -in msg.bin -sigfile sig.bin";
    }

    private String publicKey(String keyId) {
        return context.export().keys().stream()
                .filter(k -> k.keyId().equals(keyId))
                .map(KeyEntry::publicKey)
                .findFirst()
                .orElse("(not in the record)");
    }

    private void fact(Table table, String label, String value) {
        table.addCell(style.label(label));
        table.addCell(style.value(value));
    }

    private void monoFact(Table table, String label, String value) {
        table.addCell(style.label(label));
        table.addCell(ReportStyle.cell().add(style.mono(value).setFontColor(ReportStyle.INK)));
    }
}
