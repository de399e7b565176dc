package dev.caisey.report.pdf;

import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.navigation.PdfDestination;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.properties.AreaBreakType;
import java.util.Locale;

/**
 * The sections of a report, in order, each with its bookmark. The long sections start on a new page; the short ones
 * (chat and notes, verification and resolution) follow on the same page. The heading is the bookmark's named
 * destination.
 */
enum Section {
    COVER("Summary", false),
    TIMELINE("Timeline", true),
    APPROVALS("Approvals", true),
    CONVERSATION("Chat and notes", false),
    OUTCOME("Verification and resolution", false),
    APPENDIX("Technical appendix", true),
    INTEGRITY("Integrity and how to verify", true);

    /** Space above a section that follows another on the same page, in points. */
    private static final float SPACE_BEFORE_PT = 22;

    private final String title;
    private final boolean newPage;

    Section(String title, boolean newPage) {
        this.title = title;
        this.newPage = newPage;
    }

    String title() {
        return title;
    }

    /** Starts the section: a new page where it has one, a bookmark, and the heading (none on the cover). */
    void begin(Document document, ReportStyle style) {
        if (newPage) {
            document.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        }
        String destination = "section-" + name().toLowerCase(Locale.ROOT);
        document.getPdfDocument()
                .getOutlines(false)
                .addOutline(title)
                .addDestination(PdfDestination.makeDestination(new PdfString(destination)));
        if (this != COVER) {
            document.add(style.heading(title)
                    .setDestination(destination)
                    .setKeepWithNext(true)
                    .setMarginTop(newPage ? 0 : SPACE_BEFORE_PT));
        }
    }
}
