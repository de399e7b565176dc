package dev.caisey.report.pdf;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.RecordExport;
import dev.caisey.report.phrasebook.Headline;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Milestones;
import dev.caisey.report.phrasebook.Narrative;
import dev.caisey.report.phrasebook.Phrasebook;
import java.util.List;

/**
 * What every section of one report needs: the verified record, its headline figures, the clock of the organisation's
 * zone, the fonts, and the name of the embedded record file.
 *
 * @param export the verified record
 * @param verifiedAs the verifier's one-paragraph summary
 * @param lastCheckpoint the checkpoint with the highest {@code seq}
 * @param headline the headline figures
 * @param style fonts and colours of this document
 * @param phrasebook the words for commands
 * @param attachmentName the file name of the embedded record
 */
record ReportContext(
        RecordExport export,
        String verifiedAs,
        Checkpoint lastCheckpoint,
        Headline headline,
        ReportStyle style,
        Phrasebook phrasebook,
        String attachmentName) {

    static ReportContext of(
            RecordExport export, String verifiedAs, Checkpoint last, ReportStyle style, String attachmentName) {
        Headline headline = Headline.of(Milestones.of(export.events()));
        return new ReportContext(export, verifiedAs, last, headline, style, Phrasebook.standard(), attachmentName);
    }

    List<RecordedEvent> events() {
        return export.events();
    }

    LocalClock clock() {
        return headline.clock();
    }

    /** A fresh narrative, for a section that walks the events from the start. */
    Narrative narrative() {
        return new Narrative(phrasebook, clock());
    }
}
