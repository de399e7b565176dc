package dev.caisey.server.mail;

/**
 * Where an e-mailed report's PDF comes from: the one thing delivery needs from report rendering, so the renderer (and
 * whether and how it signs) is chosen in one place, the composition root.
 */
@FunctionalInterface
public interface ReportSource {
    /**
     * The PDF report of a stored session.
     *
     * @throws dev.caisey.server.ServerException or {@link dev.caisey.report.ReportException} if it cannot be made
     */
    byte[] pdf(String session);
}
