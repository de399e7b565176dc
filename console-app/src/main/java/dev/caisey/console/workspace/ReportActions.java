package dev.caisey.console.workspace;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.Registration;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.ShareCreated;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a closed session's report panel asks the server: the signed PDF, e-mailing it, share links and the access
 * log. The console's implementation is {@link #of(ConsoleClient)}; an interface so the panel's logic is tested with a
 * server-less stand-in.
 */
public interface ReportActions {
    CompletableFuture<byte[]> report(String session);

    CompletableFuture<ReportSendStatus> send(String session);

    /** Later statuses of this user's sends, on any thread. */
    Registration onStatus(Consumer<ReportSendStatus> listener);

    CompletableFuture<ShareCreated> share(String session, Duration validFor);

    CompletableFuture<Void> unshare(String shareId);

    CompletableFuture<AccessEntries> accessLog(String session);

    /** The actions of a signed-in client. */
    static ReportActions of(ConsoleClient client) {
        return new ReportActions() {
            @Override
            public CompletableFuture<byte[]> report(String session) {
                return client.exportReport(session);
            }

            @Override
            public CompletableFuture<ReportSendStatus> send(String session) {
                return client.sendReport(session);
            }

            @Override
            public Registration onStatus(Consumer<ReportSendStatus> listener) {
                return client.onReportStatus(listener);
            }

            @Override
            public CompletableFuture<ShareCreated> share(String session, Duration validFor) {
                return client.share(session, validFor);
            }

            @Override
            public CompletableFuture<Void> unshare(String shareId) {
                return client.unshare(shareId);
            }

            @Override
            public CompletableFuture<AccessEntries> accessLog(String session) {
                return client.accessLog(session);
            }
        };
    }
}
