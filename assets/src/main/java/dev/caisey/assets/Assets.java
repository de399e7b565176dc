package dev.caisey.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The classpath paths of Caisey's bundled resources, so that the PDF report, the share page and the console name the
 * same files. Every font is free to embed; its licence text lies beside it ({@link #FONT_LICENCE}).
 */
public final class Assets {
    /** The folder of the fonts on the classpath. */
    public static final String FONTS = "/dev/caisey/assets/fonts/";

    /** DejaVu Sans, regular: body text. */
    public static final String SANS = FONTS + "DejaVuSans.ttf";

    /** DejaVu Sans, bold: headings and labels. */
    public static final String SANS_BOLD = FONTS + "DejaVuSans-Bold.ttf";

    /** DejaVu Sans, oblique: quotations and secondary text. */
    public static final String SANS_OBLIQUE = FONTS + "DejaVuSans-Oblique.ttf";

    /** DejaVu Sans Mono: commands, output and hashes. */
    public static final String MONO = FONTS + "DejaVuSansMono.ttf";

    /** The DejaVu fonts' licence (Bitstream Vera and Arev terms, as Debian's fonts-dejavu-core ships them). */
    public static final String FONT_LICENCE = FONTS + "DejaVu-LICENSE.txt";

    /** The folder of the web pages' files (the client page's script and the stylesheet) on the classpath. */
    public static final String WEB = "/dev/caisey/assets/web/";

    /** The client's page: the HTML shell its script fills in. */
    public static final String CLIENT_PAGE = WEB + "client.html";

    private Assets() {}

    /**
     * The bytes of a bundled resource.
     *
     * @param path one of the constants of this class
     * @throws IllegalArgumentException if there is no such resource (a build or packaging mistake)
     * @throws UncheckedIOException if it cannot be read
     */
    public static byte[] bytes(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("the resource " + path + " is not on the classpath; "
                        + "is caisey-assets packaged with the application?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the resource " + path + " cannot be read", e);
        }
    }
}
