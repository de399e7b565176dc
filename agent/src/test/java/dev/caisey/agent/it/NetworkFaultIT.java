package dev.caisey.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.OutputChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output streams through a connection that is cut over and over; the record still holds every byte exactly once. */
class NetworkFaultIT {
    private static final int DISCONNECTS = 100;
    private static final int MAX_LINES = 12_000;
    private static final Duration BUDGET = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void everyOutputByteArrivesExactlyOnceInOrderThroughAHundredDisconnects() throws Exception {
        long begin = System.nanoTime();
        int threadsBefore = Thread.getAllStackTraces().size();
        try (AgentHarness harness = new AgentHarness(dir);
                TcpProxy proxy = new TcpProxy(harness.fixture.server().port())) {
            harness.enroll("wss://127.0.0.1:" + proxy.port());
            harness.start(AgentHarness.FAST);
            harness.awaitOnline(WAIT);
            Path stop = dir.resolve("stop");
            try (ConsoleView console = new ConsoleView(harness.fixture, harness.endpointId())) {
                console.request(
                        "c-stream",
                        "i=0; while [ ! -e " + stop + " ] && [ $i -lt " + MAX_LINES + " ]; do"
                                + " printf 'line %05d of a stream that is cut a hundred times, ü€\\n' $i; i=$((i+1));"
                                + " [ $((i % 10)) -eq 0 ] && sleep 0.1; done; echo end",
                        300);
                console.await(e -> e.event() instanceof dev.caisey.record.event.CommandOutput, WAIT);
                int streamingCuts = 0;
                while (proxy.cuts() < DISCONNECTS) {
                    awaitReconnected(proxy, harness);
                    proxy.delay(proxy.cuts() % 3 == 0 ? 3 : 0);
                    Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250));
                    proxy.cutAll();
                    streamingCuts += Files.exists(stop) ? 0 : 1;
                }
                Files.createFile(stop);
                CommandFinished finished = (CommandFinished) console.end("c-stream", Duration.ofSeconds(60));

                String out = console.output("c-stream", OutputChannel.STDOUT);
                int lines = (int) out.lines().count() - 1;
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < lines; i++) {
                    expected.append(String.format("line %05d of a stream that is cut a hundred times, ü€%n", i));
                }
                expected.append("end\n");
                assertThat(out).isEqualTo(expected.toString());
                assertThat(lines).isLessThan(MAX_LINES).isGreaterThan(100);
                assertThat(finished.outputChars()).isEqualTo(out.length());
                assertThat(finished.truncated()).isFalse();
                assertThat(streamingCuts).isEqualTo(DISCONNECTS);
                assertThat(proxy.accepted()).isGreaterThan(DISCONNECTS);
                console.assertNoDuplicateIds();
                System.out.printf(
                        "%d disconnects during streaming, %d connections, %d lines, %d chars checked, %d s%n",
                        streamingCuts,
                        proxy.accepted(),
                        lines,
                        out.length(),
                        Duration.ofNanos(System.nanoTime() - begin).toSeconds());
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(BUDGET);
        Thread.sleep(500);
        assertThat(Thread.getAllStackTraces().size())
                .as("platform threads after 100 reconnects")
                .isLessThan(threadsBefore + 30);
    }

    private static void awaitReconnected(TcpProxy proxy, AgentHarness harness) throws InterruptedException {
        long begin = System.nanoTime();
        String endpoint = harness.endpointId();
        Path stalled = null;
        while (proxy.open() == 0
                || !harness.fixture.server().context().agentLinks().online(endpoint)) {
            long waited = System.nanoTime() - begin;
            if (stalled == null && waited > WAIT.toNanos() / 2) {
                // Taken while the agent is still stuck: by the deadline a timeout of its own may have freed it.
                stalled = harness.diagnostics.threadDump("NetworkFaultIT-reconnect-stalled");
            }
            if (waited > WAIT.toNanos()) {
                harness.diagnostics.printRecentLog("NetworkFaultIT-not-reconnected");
                fail(
                        "agent reconnected in time: open %d, online %s, accepted %d, cuts %d; threads when stalled: %s",
                        proxy.open(),
                        harness.fixture.server().context().agentLinks().online(endpoint),
                        proxy.accepted(),
                        proxy.cuts(),
                        stalled);
            }
            Thread.sleep(5);
        }
    }
}
