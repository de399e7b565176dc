package dev.caisey.console.app;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.CrashHandler;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: installs the crash handler and hands the stage to the {@link Composition}. */
public final class ConsoleApp extends Application {
    @Override
    public void start(Stage stage) {
        CrashHandler.install();
        ConsoleOptions options = ConsoleOptions.parse(getParameters().getRaw());
        new Composition(stage, options, new Background(Platform::runLater)).start();
    }
}
