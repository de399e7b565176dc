package dev.caisey.report.html;

/**
 * Builds HTML text in which everything a person typed stays text: every value goes through {@link #text} on its way
 * in, and markup comes only from this module's own constants. The share page and the server's small pages (joining,
 * errors) are written with it, so there is one escaping rule for all of them.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(4096);

    /** An empty document fragment. */
    public Html() {}

    /** Markup written by Caisey itself (tags, attributes with fixed values); never a person's text. */
    public Html markup(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped so that it shows as exactly these characters. */
    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** {@code <tag class="css">text</tag>}, the text escaped; {@code css} may be {@code null}. */
    public Html element(String tag, String css, String text) {
        out.append('<').append(tag);
        if (css != null) {
            out.append(" class=\"").append(css).append('"');
        }
        return markup(">").text(text).markup("</" + tag + ">");
    }

    /** The HTML written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * A person's text made safe for element content and quoted attribute values: {@code <img src=x onerror=alert(1)>}
     * becomes {@code &lt;img src=x onerror=alert(1)&gt;}.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
