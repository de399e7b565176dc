package dev.caisey.console.workspace;

import dev.caisey.console.connection.Registration;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.ShareCreated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A server-less stand-in for the report's server side: writes down every request, answers with what the test set,
 * and lets the test push {@code report.status} messages as the server would.
 */
final class RecordedReports implements ReportActions {
    final List<String> sent = new ArrayList<>();
    final List<Consumer<ReportSendStatus>> listeners = new ArrayList<>();
    CompletableFuture<byte[]> report = CompletableFuture.failedFuture(new IllegalStateException("no report set"));
    CompletableFuture<ReportSendStatus> send;
    CompletableFuture<ShareCreated> share;
    CompletableFuture<Void> unshare = CompletableFuture.completedFuture(null);
    CompletableFuture<AccessEntries> access;

    void push(ReportSendStatus status) {
        listeners.forEach(l -> l.accept(status));
    }

    @Override
    public CompletableFuture<byte[]> report(String session) {
        sent.add("report " + session);
        return report;
    }

    @Override
    public CompletableFuture<ReportSendStatus> send(String session) {
        sent.add("send " + session);
        return send;
    }

    @Override
    public Registration onStatus(Consumer<ReportSendStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletableFuture<ShareCreated> share(String session, Duration validFor) {
        sent.add("share " + session + " " + validFor.toDays() + " days");
        return share;
    }

    @Override
    public CompletableFuture<Void> unshare(String shareId) {
        sent.add("unshare " + shareId);
        return unshare;
    }

    @Override
    public CompletableFuture<AccessEntries> accessLog(String session) {
        sent.add("access " + session);
        return access;
    }
}
