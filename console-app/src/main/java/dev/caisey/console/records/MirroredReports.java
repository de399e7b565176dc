package dev.caisey.console.records;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.Registration;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.workspace.ReportActions;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.ShareCreated;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Report actions for a record in the local copy: the signed PDF comes from the mirror (kept when the sync fetched it),
 * else from the server when there is one, and is then kept for offline use. Sending, sharing and the access log need
 * the server; without one they fail with words saying so.
 */
final class MirroredReports implements ReportActions {
    private final Mirror mirror;
    private final ConsoleClient client;
    private final ReportActions online;
    private final Executor disk;

    /** Reports from {@code mirror}, and from {@code client}'s server when {@code client} is not {@code null}. */
    MirroredReports(Mirror mirror, ConsoleClient client, Executor disk) {
        this.mirror = mirror;
        this.client = client;
        this.online = client == null ? null : ReportActions.of(client);
        this.disk = disk;
    }

    @Override
    public CompletableFuture<byte[]> report(String session) {
        return CompletableFuture.supplyAsync(() -> mirror.report(session), disk).thenCompose(kept -> {
            if (kept.isPresent()) {
                return CompletableFuture.completedFuture(kept.get());
            }
            boolean open = mirror.session(session).map(s -> !s.closed()).orElse(true);
            if (open && client == null) {
                return CompletableFuture.failedFuture(new ConsoleException(
                        Failure.CONNECTION,
                        "This session was still open at the last sync; its signed report can be exported once it"
                                + " is closed and synced."));
            }
            if (client == null) {
                return CompletableFuture.failedFuture(new ConsoleException(
                        Failure.CONNECTION,
                        "The signed report of this session has not been fetched yet (it is fetched once the session"
                                + " is closed). Sign in to the server once; after that it works offline too."));
            }
            long lastSeq = mirror.lastSeq(session);
            return client.exportReport(session)
                    .thenApplyAsync(
                            pdf -> {
                                mirror.keepReport(session, lastSeq, pdf);
                                return pdf;
                            },
                            disk);
        });
    }

    @Override
    public CompletableFuture<ReportSendStatus> send(String session) {
        return online == null ? needsServer("sending the report") : online.send(session);
    }

    @Override
    public Registration onStatus(Consumer<ReportSendStatus> listener) {
        return online == null ? () -> {} : online.onStatus(listener);
    }

    @Override
    public CompletableFuture<ShareCreated> share(String session, Duration validFor) {
        return online == null ? needsServer("making a share link") : online.share(session, validFor);
    }

    @Override
    public CompletableFuture<Void> unshare(String shareId) {
        return online == null ? needsServer("revoking a share link") : online.unshare(shareId);
    }

    @Override
    public CompletableFuture<AccessEntries> accessLog(String session) {
        return online == null ? needsServer("reading the access log") : online.accessLog(session);
    }

    private static <T> CompletableFuture<T> needsServer(String what) {
        return CompletableFuture.failedFuture(new ConsoleException(
                Failure.CONNECTION, "You are working offline; " + what + " needs the server. Sign in again first."));
    }
}
