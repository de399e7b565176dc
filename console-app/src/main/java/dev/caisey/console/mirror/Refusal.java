package dev.caisey.console.mirror;

/**
 * Why the mirror refused what the server sent for a session: kept, listed and shown, so nothing that failed its checks
 * is stored silently or forgotten.
 *
 * @param session the session
 * @param seq the event (or checkpoint's event) at fault
 * @param reason what was wrong, in words ("event 57 (chat.message) does not match its own hash: …")
 */
public record Refusal(String session, long seq, String reason) {
    /** The refusal as a sentence for a person. */
    public String sentence() {
        return "The server sent session " + session + " with a problem: " + reason
                + ". Nothing from that point on was stored; the local copy keeps the events before it."
                + " Tell your Caisey administrator.";
    }
}
