package dev.caisey.console;

import dev.caisey.console.app.ConsoleApp;
import dev.caisey.console.app.ConsoleOptions;
import javafx.application.Application;

/**
 * Starts the desktop console ({@code caisey-console}). It is not the {@code Application} itself, so JavaFX runs from
 * the class path without a module path; bad arguments are refused here, in words, before a window opens.
 */
public final class ConsoleMain {
    private ConsoleMain() {}

    /** {@code caisey-console [--dark|--light] [--config-dir DIR] [--server URL]}. */
    public static void main(String[] args) {
        try {
            ConsoleOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("caisey-console: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(ConsoleApp.class, args);
    }
}
