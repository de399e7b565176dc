package dev.caisey.report.pdf;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.splitting.ISplitCharacters;
import dev.caisey.assets.Assets;
import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import java.io.IOException;

/**
 * The report's typography and colours, and the few building blocks every section uses (headings, labels, body text,
 * fine print in mono). Fonts are DejaVu from the {@code assets} module, embedded as Identity-H subsets as PDF/A
 * requires; they are loaded per document because an iText font belongs to one document. Sizes are in PDF points
 * (1/72 inch).
 */
final class ReportStyle {
    static final float TITLE_PT = 22;
    static final float HEADING_PT = 15;
    static final float SUBHEADING_PT = 11.5f;
    static final float BODY_PT = 9.5f;
    static final float SMALL_PT = 8;
    static final float MONO_PT = 7.5f;
    static final float LEADING = 1.25f;

    static final Color INK = new DeviceRgb(0x1C, 0x24, 0x30);
    static final Color MUTED = new DeviceRgb(0x5F, 0x6B, 0x7A);
    static final Color ACCENT = new DeviceRgb(0x1F, 0x3A, 0x5F);
    static final Color RULE = new DeviceRgb(0xD5, 0xDB, 0xE3);
    static final Color PANEL = new DeviceRgb(0xF3, 0xF5, 0xF8);
    static final Color GOOD = new DeviceRgb(0x2E, 0x7D, 0x32);
    static final Color BAD = new DeviceRgb(0xB3, 0x26, 0x1E);
    static final Color ASK = new DeviceRgb(0x9A, 0x67, 0x00);
    static final Color TALK = new DeviceRgb(0x1F, 0x5F, 0xAD);

    private static final ISplitCharacters ANYWHERE = (text, position) -> true;

    final PdfFont sans;
    final PdfFont bold;
    final PdfFont oblique;
    final PdfFont mono;

    private ReportStyle(PdfFont sans, PdfFont bold, PdfFont oblique, PdfFont mono) {
        this.sans = sans;
        this.bold = bold;
        this.oblique = oblique;
        this.mono = mono;
    }

    /** Loads the fonts for one document. */
    static ReportStyle load() {
        return new ReportStyle(font(Assets.SANS), font(Assets.SANS_BOLD), font(Assets.SANS_OBLIQUE), font(Assets.MONO));
    }

    private static PdfFont font(String resource) {
        try {
            return PdfFontFactory.createFont(
                    Assets.bytes(resource), PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
        } catch (IOException e) {
            throw new ReportException(ErrorCode.INTERNAL, "the report font " + resource + " cannot be read", e);
        }
    }

    /** A section heading. */
    Paragraph heading(String text) {
        return new Paragraph(text)
                .setFont(bold)
                .setFontSize(HEADING_PT)
                .setFontColor(ACCENT)
                .setMarginTop(0)
                .setMarginBottom(8)
                .setBorderBottom(new SolidBorder(RULE, 0.75f))
                .setPaddingBottom(3);
    }

    /** A heading inside a section. */
    Paragraph subheading(String text) {
        return new Paragraph(text)
                .setFont(bold)
                .setFontSize(SUBHEADING_PT)
                .setFontColor(INK)
                .setMarginTop(10)
                .setMarginBottom(4);
    }

    /** Body text. */
    Paragraph body(String text) {
        return new Paragraph(text)
                .setFont(sans)
                .setFontSize(BODY_PT)
                .setFontColor(INK)
                .setMultipliedLeading(LEADING)
                .setMargin(0);
    }

    /** Secondary text, smaller and grey. */
    Paragraph small(String text) {
        return new Paragraph(text)
                .setFont(sans)
                .setFontSize(SMALL_PT)
                .setFontColor(MUTED)
                .setMultipliedLeading(LEADING)
                .setMargin(0);
    }

    /**
     * Exact technical text (a command, output, a hash), small and monospaced. It may break after any character, since
     * hashes and base64 have no spaces and must never run past the margin.
     */
    Paragraph mono(String text) {
        return new Paragraph(text)
                .setSplitCharacters(ANYWHERE)
                .setFont(mono)
                .setFontSize(MONO_PT)
                .setFontColor(MUTED)
                .setMultipliedLeading(1.15f)
                .setMargin(0);
    }

    /** A bold run inside a paragraph. */
    Text strong(String text) {
        return new Text(text).setFont(bold);
    }

    /** A cell with no border and a little padding. */
    static Cell cell() {
        return new Cell()
                .setBorder(Border.NO_BORDER)
                .setPadding(0)
                .setPaddingTop(3)
                .setPaddingBottom(3);
    }

    /** A label cell of a two-column key and value table. */
    Cell label(String text) {
        return cell().add(body(text).setFontColor(MUTED)).setPaddingRight(10);
    }

    /** A value cell of a two-column key and value table. */
    Cell value(String text) {
        return cell().add(body(text));
    }

    /** A header cell of a listing table. */
    Cell headerCell(String text) {
        return cell().add(small(text).setFont(bold).setFontColor(MUTED))
                .setBorderBottom(new SolidBorder(RULE, 0.75f))
                .setPaddingRight(6);
    }

    /** A body cell of a listing table, with a hairline beneath. */
    Cell rowCell() {
        return cell().setBorderBottom(new SolidBorder(RULE, 0.4f))
                .setPaddingRight(6)
                .setPaddingTop(4)
                .setPaddingBottom(4);
    }
}
