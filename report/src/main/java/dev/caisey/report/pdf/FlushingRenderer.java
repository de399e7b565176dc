package dev.caisey.report.pdf;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.layout.LayoutArea;
import com.itextpdf.layout.layout.LayoutResult;
import com.itextpdf.layout.renderer.DocumentRenderer;
import com.itextpdf.layout.renderer.IRenderer;

/**
 * A document renderer that lets finished pages go, also in PDF/A. iText's own renderer asks for the page before the
 * one it leaves to be flushed, but a PDF/A document refuses that plain request (it logs "Page flushing was not
 * performed") and keeps every page in memory. This renderer makes the same request the way PDF/A accepts it, {@code
 * PdfPage.flush(true)}, just before iText would, so memory stays flat however many pages a record needs.
 */
final class FlushingRenderer extends DocumentRenderer {
    FlushingRenderer(Document document) {
        super(document, true);
    }

    @Override
    protected LayoutArea updateCurrentArea(LayoutResult overflowResult) {
        if (currentArea != null) {
            PdfDocument pdf = document.getPdfDocument();
            int previous = currentArea.getPageNumber() - 1;
            if (previous >= 1 && previous <= pdf.getNumberOfPages()) {
                PdfPage page = pdf.getPage(previous);
                if (!page.isFlushed()) {
                    page.flush(true);
                }
            }
        }
        return super.updateCurrentArea(overflowResult);
    }

    @Override
    public IRenderer getNextRenderer() {
        return new FlushingRenderer(document);
    }
}
