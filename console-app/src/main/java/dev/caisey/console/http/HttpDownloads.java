package dev.caisey.console.http;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.PinnedTrust;
import dev.caisey.console.trust.Problems;
import dev.caisey.record.RecordException;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * HTTPS downloads from the server with OkHttp, trusting only the pinned certificate like the WebSocket: the server's
 * {@code /health} and a shared session's {@code /share/<token>/record.json}. Calls run on OkHttp's own threads and
 * complete futures; nothing here blocks its caller. Only URLs on the pinned server are fetched.
 */
public final class HttpDownloads implements AutoCloseable {
    /** Largest download accepted, so a wrong URL cannot fill memory. */
    public static final long MAX_DOWNLOAD_BYTES = 256L * 1024 * 1024;

    private final ServerAddress server;
    private final OkHttpClient http;

    /** Downloads from {@code server}, trusting only {@code pinned}, each call within {@code timeout}. */
    public HttpDownloads(ServerAddress server, Fingerprint pinned, Duration timeout) {
        this.server = server;
        PinnedTrust trust = new PinnedTrust(pinned);
        this.http = new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslContext().getSocketFactory(), trust)
                // The pin is the whole trust decision (the certificate names whatever host the server was set up with).
                .hostnameVerifier((host, session) -> true)
                .callTimeout(timeout)
                .followRedirects(false)
                .build();
    }

    /** The server's health document ({@code {"status": "ok", "version": …}}) as JSON text. */
    public CompletableFuture<String> health() {
        return get(server.https("/health"))
                .thenApply(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The signed record behind a share link ({@code https://host:port/share/<token>}), read and checked. */
    public CompletableFuture<RecordExport> sharedRecord(URI shareLink) {
        URI link = shareLink;
        if (!link.getPath().endsWith("/record.json")) {
            link = URI.create(link.toString().replaceAll("/+$", "") + "/record.json");
        }
        return get(link).thenApply(bytes -> {
            try {
                return ExportCodec.fromTree(ExportCodec.readTree(bytes, MAX_DOWNLOAD_BYTES));
            } catch (RecordException e) {
                throw new ConsoleException(
                        Failure.BROKEN_RECORD, "The shared record cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** The bytes at {@code url}, which must be on the pinned server. */
    public CompletableFuture<byte[]> get(URI url) {
        return get(url, null);
    }

    /** The bytes at {@code url} on the pinned server, asked for with a session token ({@code null}: none). */
    public CompletableFuture<byte[]> get(URI url, String bearer) {
        if (!"https".equalsIgnoreCase(url.getScheme())
                || url.getHost() == null
                || !new ServerAddress(url.getHost(), url.getPort() == -1 ? 443 : url.getPort()).equals(server)) {
            return CompletableFuture.failedFuture(new ConsoleException(
                    Failure.BAD_INPUT, "Only links on " + server.key() + " are fetched; " + url + " is not."));
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Request.Builder request = new Request.Builder().url(url.toString());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        Call call = http.newCall(request.build());
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                result.completeExceptionally(new ConsoleException(
                        Failure.CONNECTION, "Cannot download " + url.getPath() + ": " + Problems.describe(e), e));
            }

            @Override
            public void onResponse(Call done, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        result.completeExceptionally(new ConsoleException(
                                Failure.REFUSED,
                                "The server answered " + response.code() + " for " + url.getPath()
                                        + switch (response.code()) {
                                            case 401 -> ": your sign-in has expired; sign in again.";
                                            case 403 -> ": you may not see this session.";
                                            case 404 -> " (no such link or session, or it expired or was revoked).";
                                            default -> ".";
                                        }));
                        return;
                    }
                    result.complete(read(response.body()));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(
                            e instanceof ConsoleException c
                                    ? c
                                    : new ConsoleException(
                                            Failure.CONNECTION, "The download of " + url.getPath() + " broke off.", e));
                }
            }
        });
        return result;
    }

    private static byte[] read(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_DOWNLOAD_BYTES + 1));
            if (bytes.length > MAX_DOWNLOAD_BYTES) {
                throw new ConsoleException(
                        Failure.REFUSED, "The download is larger than " + MAX_DOWNLOAD_BYTES + " bytes; refused.");
            }
            return bytes;
        }
    }

    /** Stops OkHttp's threads and closes its idle connections; downloads under way fail. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
