package dev.caisey.console.fx;

import java.lang.System.Logger.Level;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;

/**
 * The console's one uncaught-exception handler: the stack trace goes to the log once, the person sees a short dialog in
 * plain words, and the console keeps running. Installed for every thread at start.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final System.Logger LOG = System.getLogger(CrashHandler.class.getName());

    private boolean showing;

    /** Makes this the handler of every thread. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler());
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.log(Level.ERROR, "Unexpected failure on " + thread.getName(), failure);
        if (Platform.isFxApplicationThread()) {
            show(failure);
        } else {
            Platform.runLater(() -> show(failure));
        }
    }

    private void show(Throwable failure) {
        if (showing) {
            return; // one dialog at a time; the log has every failure
        }
        showing = true;
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle("Caisey console");
            alert.setHeaderText("Something went wrong");
            Label words = new Label(Problems.words(failure));
            words.setWrapText(true);
            words.setMaxWidth(480);
            alert.getDialogPane().setContent(words);
            alert.showAndWait();
        } finally {
            showing = false;
        }
    }
}
