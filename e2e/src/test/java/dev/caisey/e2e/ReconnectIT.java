package dev.caisey.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.protocol.ClientInvited;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network between the browser and the server fails for a while: the page says so, comes back, and resumes. */
class ReconnectIT {
    private Stage stage;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        stage = Stage.start(dir, true);
    }

    @AfterEach
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void aDroppedConnectionShowsReconnectingThenResumesWithoutLosingOrRepeatingALine() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana");
                TcpProxy network = new TcpProxy(stage.fixture.server().port());
                Browser page = stage.browser()) {
            dana.open(stage.agent.endpointId());
            ClientInvited invited = dana.invite();
            page.open("https://127.0.0.1:" + network.port() + "/join/" + invited.code());
            page.awaitText("#status", "Connected");
            dana.chat("line 1");
            page.awaitText(".msg .text", "line 1");

            network.cut();
            page.awaitText("#status", "Reconnecting…");
            assertThat(page.find("#status").getAttribute("class")).contains("warn");
            dana.chat("line 2");
            dana.chat("line 3");
            Thread.sleep(1_500);
            assertThat(page.find("#status").getText()).isEqualTo("Reconnecting…");

            network.restore();
            page.awaitText(".msg .text", "line 3");
            page.awaitText("#status", "Connected");
            dana.chat("line 4");
            page.awaitText(".msg .text", "line 4");
            assertThat(page.all(".msg .text"))
                    .extracting(e -> e.getText())
                    .containsExactly("line 1", "line 2", "line 3", "line 4");
            assertThat(page.all(".msg"))
                    .extracting(e -> e.getAttribute("data-seq"))
                    .doesNotHaveDuplicates();
        }
    }
}
