package dev.caisey.report.pdf;

import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.report.phrasebook.CommandHistory;
import dev.caisey.report.phrasebook.CommandRun;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Narrative;

/**
 * For the technically minded: every command exactly as it was run, with who asked for it, when it ran, its exit code,
 * how long it took and its output. Output longer than {@link CommandHistory#HEAD_LINES} + {@link
 * CommandHistory#TAIL_LINES} lines is abbreviated with the count of lines left out; the attached record has every
 * character. Commands are written as they end, so only the commands still running are held in memory.
 */
final class AppendixSection {
    private static final float BLOCK_PADDING_PT = 6;

    private final ReportContext context;
    private final ReportStyle style;
    private int number;

    AppendixSection(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.APPENDIX.begin(document, style);
        document.add(style.small("Every command exactly as it was run, with its exit code (0 means success), how long "
                        + "it took and what it printed. Long output is abbreviated here; the attached record "
                        + context.attachmentName() + " holds every character.")
                .setMarginBottom(6));
        Narrative words = context.narrative();
        CommandHistory history = new CommandHistory(run -> document.add(block(run, words)));
        for (RecordedEvent e : context.events()) {
            words.next(e);
            history.accept(e);
        }
        history.finish();
        if (number == 0) {
            document.add(style.body("No command was run in this session."));
        }
    }

    private Div block(CommandRun run, Narrative words) {
        number++;
        LocalClock clock = context.clock();
        Div div = new Div().setMarginTop(10);
        div.add(style.body(number + ".  " + words.phrase(run.request()).done())
                .setFont(style.bold)
                .setKeepWithNext(true));
        StringBuilder facts = new StringBuilder("Requested by ")
                .append(run.requestedBy())
                .append(" at ")
                .append(clock.time(run.requestedAt()));
        if (run.startedAt() != null) {
            facts.append("  ·  started ").append(clock.time(run.startedAt()));
        }
        facts.append("  ·  ").append(run.ending());
        div.add(style.small(facts.toString())
                .setFontColor(run.succeeded() ? ReportStyle.MUTED : ReportStyle.BAD)
                .setMarginTop(1)
                .setKeepWithNext(true));
        String prompt = run.request().shell() == Shell.POWERSHELL ? "PS> " : "$ ";
        div.add(panel(style.mono(prompt + run.request().script()).setFontColor(ReportStyle.INK)));
        div.add(run.hasOutput() ? panel(output(run)) : style.small("No output.").setMarginTop(3));
        if (run.truncatedByAgent()) {
            div.add(style.small("The agent stopped recording output at its limit; the rest was not kept.")
                    .setFontColor(ReportStyle.BAD));
        }
        return div;
    }

    private Paragraph output(CommandRun run) {
        StringBuilder text = new StringBuilder(String.join("\n", run.head()));
        if (run.omittedLines() > 0) {
            text.append("\n… ")
                    .append(run.omittedLines())
                    .append(run.omittedLines() == 1 ? " line" : " lines")
                    .append(" left out here; the attached record has the full output …");
        }
        if (!run.tail().isEmpty()) {
            text.append('\n').append(String.join("\n", run.tail()));
        }
        return style.mono(text.toString());
    }

    private static Div panel(Paragraph content) {
        return new Div()
                .setBackgroundColor(ReportStyle.PANEL)
                .setPadding(BLOCK_PADDING_PT)
                .setMarginTop(3)
                .add(content);
    }
}
