package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.record.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one port speaks TLS only: plain HTTP gets no service, {@code /health} answers over HTTPS. */
class TlsPortIT {
    @TempDir
    Path dir;

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start(dir, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void healthAnswersWithJsonOverHttps() throws Exception {
        try (HttpClient http = HttpClient.newBuilder()
                .sslContext(fixture.trust())
                .connectTimeout(WireClient.WAIT)
                .build()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "https://127.0.0.1:" + fixture.server().port() + "/health"))
                            .timeout(WireClient.WAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoService() throws Exception {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(WireClient.WAIT).build()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + fixture.server().port() + "/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", fixture.server().port()), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = readWhatComes(socket.getInputStream());
            assertThat(answer).doesNotContain("HTTP/").doesNotContain("status");
        }
    }

    /** Whatever the server sends before it closes or goes quiet, as Latin-1 text. */
    private static String readWhatComes(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the server went quiet or reset the connection: no service either way
        }
        return text.toString();
    }
}
