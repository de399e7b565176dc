package dev.caisey.console.workspace;

/**
 * Something the technician should notice even when looking elsewhere (the client answered an approval or wrote): shown
 * as a desktop notification.
 *
 * @param title a few words
 * @param text the sentence
 * @param seq the event that caused it, which makes each notice distinct
 */
public record Notice(String title, String text, long seq) {}
