package dev.caisey.server.mail;

import java.util.Objects;

/**
 * How the server sends reports, beyond what an administrator stores in the database: the SMTP password (given when
 * the server starts, held only in memory) and how failed sends are retried.
 *
 * @param smtpPassword the password of the stored SMTP login, or {@code null} if none was given
 * @param retry how often and how long failed sends are tried again
 */
public record MailOptions(String smtpPassword, RetryPolicy retry) {
    /** No password, the default retries. */
    public static final MailOptions DEFAULT = new MailOptions(null, RetryPolicy.DEFAULT);

    /** Requires a retry policy. */
    public MailOptions {
        Objects.requireNonNull(retry, "retry");
    }

    @Override
    public String toString() {
        return "MailOptions[smtpPassword=" + (smtpPassword == null ? "none" : "[redacted]") + ", retry=" + retry + "]";
    }
}
