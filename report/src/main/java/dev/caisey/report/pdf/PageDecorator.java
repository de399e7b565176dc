package dev.caisey.report.pdf;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.event.AbstractPdfDocumentEvent;
import com.itextpdf.kernel.pdf.event.AbstractPdfDocumentEventHandler;
import com.itextpdf.kernel.pdf.event.PdfDocumentEvent;

/**
 * Draws the running header and footer of every page as it is finished: the organisation and endpoint at the top, the
 * session id and "Page 2 of 5" at the bottom. Pages are flushed as soon as they are done, so the total must be known
 * before the first page is written: {@link PdfReport} lays the report out once to count its pages, then writes it with
 * the total. Without a total (that first pass) the footer reads "Page 2". The cover page carries no header.
 */
final class PageDecorator extends AbstractPdfDocumentEventHandler {
    private static final float FOOTER_BASELINE_PT = 30;
    private static final float HEADER_FROM_TOP_PT = 34;

    private final ReportStyle style;
    private final String header;
    private final String footer;
    private final float marginPt;
    private final Integer totalPages;

    PageDecorator(
            PdfDocument pdf, ReportStyle style, String header, String footer, float marginPt, Integer totalPages) {
        this.style = style;
        this.header = header;
        this.footer = footer;
        this.marginPt = marginPt;
        this.totalPages = totalPages;
        addType(PdfDocumentEvent.END_PAGE);
        pdf.addEventHandler(PdfDocumentEvent.END_PAGE, this);
    }

    @Override
    protected void onAcceptedEvent(AbstractPdfDocumentEvent event) {
        if (event instanceof PdfDocumentEvent pageEvent) {
            decorate(pageEvent.getPage());
        }
    }

    private void decorate(PdfPage page) {
        PdfDocument pdf = page.getDocument();
        int number = pdf.getPageNumber(page);
        Rectangle box = page.getPageSize();
        PdfCanvas canvas = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), pdf);
        float left = box.getLeft() + marginPt;
        float right = box.getRight() - marginPt;
        canvas.setStrokeColor(ReportStyle.RULE).setLineWidth(0.5f);
        canvas.moveTo(left, FOOTER_BASELINE_PT + 11)
                .lineTo(right, FOOTER_BASELINE_PT + 11)
                .stroke();
        text(canvas, left, FOOTER_BASELINE_PT, footer);
        String pageOf = "Page " + number + (totalPages == null ? "" : " of " + totalPages);
        text(canvas, right - style.sans.getWidth(pageOf, ReportStyle.SMALL_PT), FOOTER_BASELINE_PT, pageOf);
        if (number > 1) {
            float y = box.getTop() - HEADER_FROM_TOP_PT;
            text(canvas, left, y, header);
            canvas.moveTo(left, y - 5).lineTo(right, y - 5).stroke();
        }
        canvas.release();
    }

    private void text(PdfCanvas canvas, float x, float y, String text) {
        canvas.beginText()
                .setFontAndSize(style.sans, ReportStyle.SMALL_PT)
                .setFillColor(ReportStyle.MUTED)
                .moveText(x, y)
                .showText(text)
                .endText();
    }
}
