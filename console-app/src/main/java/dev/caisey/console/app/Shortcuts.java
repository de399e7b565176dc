package dev.caisey.console.app;

import java.util.List;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the console in one place: the menus take their accelerators from here and Help >
 * Shortcuts lists them, so the two cannot disagree.
 */
public final class Shortcuts {
    /** One shortcut: the keys, and what they do. */
    public record Shortcut(String keys, String action) {
        /** The keys as JavaFX reads them. */
        public KeyCombination combination() {
            return KeyCombination.keyCombination(keys);
        }
    }

    public static final Shortcut FIND = new Shortcut("Shortcut+F", "Find an endpoint");
    public static final Shortcut ENDPOINTS = new Shortcut("Shortcut+1", "Show the endpoints");
    public static final Shortcut SESSIONS = new Shortcut("Shortcut+2", "Show the sessions (open ones first)");
    public static final Shortcut OPEN = new Shortcut("Shortcut+O", "Open a session on the selected endpoint");
    public static final Shortcut INPUT = new Shortcut("Shortcut+L", "Go to the command input");
    public static final Shortcut SHELL = new Shortcut("Shortcut+K", "Switch between sh and PowerShell");
    public static final Shortcut ASK = new Shortcut("Shortcut+Shift+A", "Ask the client to approve the next command");
    public static final Shortcut CANCEL = new Shortcut("Shortcut+Period", "Cancel the selected command");
    public static final Shortcut VERIFY = new Shortcut("Shortcut+M", "Mark as verification");
    public static final Shortcut NOTE = new Shortcut("Shortcut+N", "Add a note");
    public static final Shortcut CHAT = new Shortcut("Shortcut+T", "Chat with the client");
    public static final Shortcut INVITE = new Shortcut("Shortcut+I", "Invite the client (copies link and code)");
    public static final Shortcut CLOSE = new Shortcut("Shortcut+Shift+W", "Close the session with a resolution");
    public static final Shortcut EXPORT =
            new Shortcut("Shortcut+E", "Export the PDF report of the session or timeline shown");
    public static final Shortcut RECORDS =
            new Shortcut("Shortcut+3", "Show the records (the local copy, also offline)");
    public static final Shortcut SEARCH = new Shortcut("Shortcut+Shift+F", "Search all records");
    public static final Shortcut SLA = new Shortcut("Shortcut+4", "Show the SLA figures");
    public static final Shortcut THEME = new Shortcut("Shortcut+Shift+D", "Switch light and dark theme");
    public static final Shortcut HELP = new Shortcut("F1", "Show these shortcuts");
    public static final Shortcut QUIT = new Shortcut("Shortcut+Q", "Quit");

    /** Keys handled by a field, not a menu. */
    public static final List<Shortcut> IN_FIELDS = List.of(
            new Shortcut("Enter / Ctrl+Enter", "Run the command (in the command input)"),
            new Shortcut("Shift+Enter", "New line in a multi-line script"),
            new Shortcut("Up / Down", "Walk the command history"),
            new Shortcut(
                    "Enter",
                    "Open a session (in the endpoint, session or record list), send (in chat), add (in a note)"),
            new Shortcut("Ctrl+Tab", "Next tab"));

    /** The menus' shortcuts, in the order Help lists them. */
    public static final List<Shortcut> MENUS = List.of(
            FIND, ENDPOINTS, SESSIONS, OPEN, INPUT, SHELL, ASK, CANCEL, VERIFY, NOTE, CHAT, INVITE, CLOSE, RECORDS,
            SEARCH, SLA, EXPORT, THEME, HELP, QUIT);

    private Shortcuts() {}

    /** The keys as a person reads them on this system ("Ctrl+F"). */
    public static String display(Shortcut s) {
        return s.combination().getDisplayText();
    }
}
