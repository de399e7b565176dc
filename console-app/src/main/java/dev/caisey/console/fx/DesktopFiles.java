package dev.caisey.console.fx;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opening a file the console wrote, or the folder it is in, with the desktop's own programs: {@link Desktop} where
 * the platform supports the action, {@code xdg-open} otherwise (most Linux desktops). Blocking: call it through
 * {@link Background#run}, never on the UI thread.
 */
public final class DesktopFiles {
    private static final System.Logger LOG = System.getLogger(DesktopFiles.class.getName());

    /** Opens {@code file} with the program the desktop uses for its type. */
    public void open(Path file) {
        launch(file);
    }

    /** Shows the folder {@code file} is in. */
    public void showFolder(Path file) {
        launch(file.toAbsolutePath().getParent());
    }

    private static void launch(Path target) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(target.toFile());
                return;
            }
            new ProcessBuilder("xdg-open", target.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not open " + target, e);
            throw new ConsoleException(
                    Failure.LOCAL_FILES,
                    "This desktop could not open " + target + " (" + e.getMessage()
                            + "). Open it from your file manager instead.");
        }
    }
}
