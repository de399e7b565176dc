package dev.caisey.report.html;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.ReportException;
import dev.caisey.report.phrasebook.ApprovalHistory;
import dev.caisey.report.phrasebook.Headline;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Milestones;
import dev.caisey.report.phrasebook.Narrative;
import dev.caisey.report.phrasebook.Outcomes;
import dev.caisey.report.phrasebook.Phrasebook;
import dev.caisey.report.phrasebook.TimelineEntry;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The read-only page of a shared session record: the same content as the PDF report (headline and service-level
 * figures, the plain-language timeline, approvals, chat and notes, verification and resolution, and the integrity
 * details with how to verify), as an HTML fragment for the server to put in its page frame. The words are the
 * phrasebook's ({@link Narrative}, {@link Headline}, {@link ApprovalHistory}), the same as the PDF's; this class only
 * lays them out. Everything from the record goes through {@link Html#text}, so nothing a person typed becomes markup.
 */
public final class SharePage {
    private final RecordVerifier verifier;

    private SharePage(RecordVerifier verifier) {
        this.verifier = verifier;
    }

    /** A page renderer that accepts records signed by any key they carry. */
    public static SharePage create() {
        return new SharePage(RecordVerifier.create());
    }

    /**
     * The page's {@code <main>} content for an export.
     *
     * @param exportJson the exact bytes of the {@code *.caisey.json} export
     * @param pdfHref where the signed PDF is downloaded
     * @param jsonHref where the record is downloaded
     * @throws ReportException if the bytes are not a valid Caisey record
     */
    public String render(byte[] exportJson, String pdfHref, String jsonHref) {
        if (!(verifier.verify(exportJson) instanceof Verification.Verified verified)) {
            throw new ReportException(ErrorCode.CHAIN_BROKEN, "the stored record does not verify; it is not shown");
        }
        List<RecordedEvent> events = verified.export().events();
        Headline headline = Headline.of(Milestones.of(events));
        LocalClock clock = headline.clock();
        SessionSummary s = verified.export().session();
        Html html = new Html();
        html.markup("<header class=\"page-head\"><p class=\"eyebrow\">Support session record</p>");
        html.element("h1", null, s.organisation() + " · " + s.endpoint());
        html.element("p", "lead", headline.sentence()).element("p", "muted", headline.utcSentence());
        html.markup(
                "</header><section aria-labelledby=\"facts\"><h2 id=\"facts\">At a glance</h2><dl class=\"facts\">");
        fact(html, "Technician", s.technician());
        if (s.ticket() != null) {
            fact(html, "Ticket", s.ticket());
        }
        fact(html, "Opened", clock.dateTime(s.openedAt()) + " " + clock.zoneLabel(s.openedAt()));
        if (s.closedAt() != null) {
            fact(html, "Closed", clock.dateTime(s.closedAt()) + " " + clock.zoneLabel(s.closedAt()));
        }
        for (Headline.Figure figure : headline.slaFigures()) {
            fact(html, figure.label(), figure.value());
        }
        html.markup("</dl><p class=\"downloads\"><a class=\"button\" href=\"")
                .text(pdfHref)
                .markup("\" download>Download the signed PDF report</a> <a class=\"button secondary\" href=\"")
                .text(jsonHref)
                .markup("\" download>Download the record (JSON)</a></p></section>");
        timeline(html, events, clock);
        approvals(html, events, clock);
        listing(html, "Chat", events, clock, e -> e.event() instanceof ChatMessage c ? c.text() : null, "No chat.");
        listing(html, "Notes", events, clock, e -> e.event() instanceof NoteAdded n ? n.text() : null, "No notes.");
        outcome(html, events, clock);
        html.markup(new IntegrityHtml(verified, clock).html());
        return html.toString();
    }

    private static void timeline(Html html, List<RecordedEvent> events, LocalClock clock) {
        html.markup("<section aria-labelledby=\"timeline\"><h2 id=\"timeline\">What happened</h2>");
        html.element(
                "p",
                "muted",
                "Every recorded event, in order. Times are in " + clock.zone().getId() + " ("
                        + clock.zoneLabel(events.getFirst().at()) + ").");
        html.markup("<ol class=\"timeline\">");
        Narrative narrative = new Narrative(Phrasebook.standard(), clock);
        for (RecordedEvent event : events) {
            TimelineEntry entry = narrative.next(event);
            html.markup("<li class=\"kind-" + entry.kind().name().toLowerCase(Locale.ROOT) + "\">");
            html.element("time", null, entry.time()).element("span", "what", entry.text());
            if (entry.detail() != null) {
                html.element("code", "detail", entry.detail());
            }
            html.markup("</li>");
        }
        html.markup("</ol></section>");
    }

    private static void approvals(Html html, List<RecordedEvent> events, LocalClock clock) {
        SessionOpened opened = (SessionOpened) events.getFirst().event();
        html.markup("<section aria-labelledby=\"approvals\"><h2 id=\"approvals\">Approvals</h2>");
        html.element(
                "p",
                "muted",
                ApprovalHistory.policy(
                        opened.organisation().name(), opened.organisation().approvalPolicy()));
        List<ApprovalHistory.Row> rows = ApprovalHistory.of(events, clock);
        if (rows.isEmpty()) {
            html.element("p", null, "No approval was requested in this session.");
        }
        for (ApprovalHistory.Row row : rows) {
            html.markup("<div class=\"card\">")
                    .element("p", "strong", "“" + row.request().prompt() + "”");
            if (row.request().detail() != null) {
                html.element("p", "muted", row.request().detail());
            }
            html.markup("<dl class=\"facts\">");
            fact(html, "Asked", clock.time(row.promptedAt()));
            fact(html, "Answer", row.answer());
            fact(html, "Carried out", row.carriedOut());
            html.markup("</dl></div>");
        }
        html.markup("</section>");
    }

    private static void listing(
            Html html,
            String title,
            List<RecordedEvent> events,
            LocalClock clock,
            Function<RecordedEvent, String> textOf,
            String none) {
        String id = title.toLowerCase(Locale.ROOT);
        html.markup("<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">" + title
                + "</h2><ol class=\"listing\">");
        int rows = 0;
        for (RecordedEvent e : events) {
            String text = textOf.apply(e);
            if (text != null) {
                rows++;
                String who = e.actor().name() + (e.actor().role() == Role.CLIENT ? " (client)" : "");
                html.markup("<li>").element("time", null, clock.time(e.at())).element("b", null, who);
                html.element("p", null, text).markup("</li>");
            }
        }
        html.markup("</ol>");
        if (rows == 0) {
            html.element("p", "muted", none);
        }
        html.markup("</section>");
    }

    private static void outcome(Html html, List<RecordedEvent> events, LocalClock clock) {
        html.markup("<section aria-labelledby=\"outcome\"><h2 id=\"outcome\">Verification and resolution</h2>");
        int steps = 0;
        html.markup("<ul class=\"plain\">");
        for (RecordedEvent e : events) {
            if (e.event() instanceof VerificationRecorded v) {
                steps++;
                boolean passed = v.verdict() == Verdict.PASSED;
                html.markup("<li>").element("time", null, clock.time(e.at()));
                html.element("b", passed ? "good" : "bad", passed ? "Passed" : "Failed");
                html.text(" ").text(v.statement()).markup("</li>");
            }
        }
        html.markup("</ul>");
        if (steps == 0) {
            html.element("p", "muted", "No verification step was recorded.");
        }
        RecordedEvent last = events.getLast();
        if (last.event() instanceof SessionClosed c) {
            String words = Outcomes.words(c.outcome());
            html.element("p", "strong", words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + ".");
            html.element("p", null, c.resolution());
            html.element(
                    "p",
                    "muted",
                    "Closed by " + last.actor().name() + " at " + clock.dateTime(last.at()) + " ("
                            + clock.utcTime(last.at()) + " UTC).");
        } else {
            html.element("p", null, "The session was still open when this record was exported.");
        }
        html.markup("</section>");
    }

    static void fact(Html html, String label, String value) {
        html.element("dt", null, label).element("dd", null, value);
    }
}
