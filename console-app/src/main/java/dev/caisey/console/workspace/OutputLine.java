package dev.caisey.console.workspace;

/**
 * One line of a command's output as shown: its text without escape sequences and whether the endpoint wrote it to
 * standard error.
 *
 * @param text the line, without its line break
 * @param error whether it came on standard error
 */
public record OutputLine(String text, boolean error) {}
