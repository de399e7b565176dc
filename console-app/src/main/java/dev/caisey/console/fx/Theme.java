package dev.caisey.console.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;

/**
 * The console's look: AtlantaFX Primer, light or dark. By default it follows the desktop: a GTK theme whose name says
 * dark ({@code GTK_THEME=Adwaita:dark}, or {@code gtk-theme-name} in GTK 3's {@code settings.ini}) or {@code
 * gtk-application-prefer-dark-theme} there choose the dark one; {@code --dark} and {@code --light} override it.
 */
public enum Theme {
    /** Primer Light. */
    LIGHT,
    /** Primer Dark. */
    DARK;

    /** The console's own stylesheet, on top of the theme. */
    public static final String CONSOLE_CSS = "/dev/caisey/console/fx/console.css";

    /** The theme the desktop asks for, read from {@code env} and GTK 3's settings under {@code configHome}. */
    public static Theme ofDesktop(Map<String, String> env, Path configHome) {
        String gtkTheme = env.getOrDefault("GTK_THEME", "");
        if (gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return DARK;
        }
        Path settings = configHome.resolve("gtk-3.0").resolve("settings.ini");
        try {
            for (String line : Files.readAllLines(settings, StandardCharsets.UTF_8)) {
                String l = line.replace(" ", "").toLowerCase(Locale.ROOT);
                if (l.equals("gtk-application-prefer-dark-theme=1")
                        || l.equals("gtk-application-prefer-dark-theme=true")
                        || (l.startsWith("gtk-theme-name=") && l.contains("dark"))) {
                    return DARK;
                }
            }
        } catch (IOException e) {
            return LIGHT; // no GTK settings: the light theme
        }
        return LIGHT;
    }

    /** The theme for this process: {@code --dark}/{@code --light} if given, else the desktop's. */
    public static Theme choose(java.util.List<String> args) {
        if (args.contains("--dark")) {
            return DARK;
        }
        if (args.contains("--light")) {
            return LIGHT;
        }
        Map<String, String> env = System.getenv();
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config =
                xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return ofDesktop(env, config);
    }

    /** Makes this the look of every window. */
    public void apply() {
        Application.setUserAgentStylesheet(
                this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** The other one. */
    public Theme toggled() {
        return this == DARK ? LIGHT : DARK;
    }
}
