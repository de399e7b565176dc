package dev.caisey.report.html;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.phrasebook.LocalClock;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The share page's integrity section, the HTML twin of the PDF's integrity page: how many events, the first and last
 * hash, the signed checkpoint and its key's fingerprint, what the server's verifier found, and how anyone can check
 * the downloaded record with {@code caisey-verify} or with nothing but {@code python3} and {@code openssl}.
 */
final class IntegrityHtml {
    private final Verification.Verified verified;
    private final LocalClock clock;

    IntegrityHtml(Verification.Verified verified, LocalClock clock) {
        this.verified = verified;
        this.clock = clock;
    }

    String html() {
        List<RecordedEvent> events = verified.export().events();
        RecordedEvent first = events.getFirst();
        RecordedEvent last = events.getLast();
        Checkpoint checkpoint = verified.lastCheckpoint();
        String file = verified.export().session().id() + ".caisey.json";
        Html html = new Html();
        html.markup("<section aria-labelledby=\"integrity\"><h2 id=\"integrity\">Integrity</h2>");
        html.element(
                "p",
                null,
                "The session's record is a chain of " + events.size() + " events. Each event carries the SHA-256 hash "
                        + "of the one before it, so changing, removing, adding or reordering any event breaks every "
                        + "link after it. The Caisey server signs the end of the chain with its Ed25519 key (a "
                        + "checkpoint), which vouches for every event up to it.");
        html.markup("<dl class=\"facts integrity\">");
        SharePage.fact(
                html,
                "Events",
                events.size() + " (numbered 1 to " + last.seq() + "), " + clock.dateTime(first.at()) + " to "
                        + clock.time(last.at()) + " " + clock.zoneLabel(first.at()));
        mono(html, "First event’s hash", first.hash());
        mono(html, "Last event’s hash", last.hash());
        SharePage.fact(
                html,
                "Signed checkpoint",
                verified.export().checkpoints().size() + " in the record; the last covers event " + checkpoint.seq()
                        + " and was signed at " + clock.utcTime(checkpoint.at()) + " UTC");
        mono(html, "Signing key fingerprint (SHA-256 of the public key)", checkpoint.keyId());
        SharePage.fact(html, "Checked when this page was made", verified.message());
        html.markup("</dl><h3>How to verify</h3><ol class=\"steps\">");
        step(
                html,
                "Download the record (JSON) above, or take it out of the PDF report:",
                "pdfdetach -saveall report.pdf");
        step(
                html,
                "Check it with Caisey’s verifier; it prints VALID and a summary, or the first problem:",
                "caisey-verify " + file);
        step(
                html,
                "Or without any Caisey software: the python3 script in the record format document (docs/RECORD.md, "
                        + "“Verifying with python3 and openssl”) recomputes every hash and checks every signature:",
                "python3 verify-record.py " + file);
        step(html, "The last checkpoint can be checked by hand with openssl alone:", openssl(checkpoint));
        step(
                html,
                "The PDF report is itself digitally signed; any change to the file breaks that signature:",
                "pdfsig report.pdf");
        html.markup("</ol></section>");
        return html.toString();
    }

    private static void mono(Html html, String label, String value) {
        html.element("dt", null, label)
                .markup("<dd>")
                .element("code", "hash", value)
                .markup("</dd>");
    }

    private static void step(Html html, String text, String command) {
        html.markup("<li>")
                .element("p", null, text)
                .element("pre", null, command)
                .markup("</li>");
    }

    private String openssl(Checkpoint c) {
        String signed = new String(c.signedBytes(), StandardCharsets.UTF_8);
        return "printf '%s' '" + signed + "' > msg.bin\n"
                + "echo '" + c.signature() + "' | openssl base64 -d -A > sig.bin\n"
                + "echo '" + publicKey(c.keyId()) + "' | openssl base64 -d -A > key.der\n"
                + "openssl pkeyutl -verify -pubin -inkey key.der -keyform DER -rawin -in msg.bin -sigfile sig.bin";
    }

    private String publicKey(String keyId) {
        return verified.export().keys().stream()
                .filter(k -> k.keyId().equals(keyId))
                .map(KeyEntry::publicKey)
                .findFirst()
                .orElse("(not in the record)");
    }
}
