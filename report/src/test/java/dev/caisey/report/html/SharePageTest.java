package dev.caisey.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.report.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharePageTest {
    private static byte[] sample() throws IOException {
        try (InputStream in = SharePageTest.class.getResourceAsStream("/samples/printer-spooler.caisey.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void showsTheSameStoryAsThePdfInPlainWords() throws IOException {
        String html = SharePage.create().render(sample(), "/share/t/report.pdf", "/share/t/record.json");
        assertThat(html)
                .contains("Harbor Accounting LLP · PRN-ACCT-01")
                .contains("Restarted the Print Spooler service")
                .contains("Approved by Maria Lopez")
                .contains("It worked — test page printed.")
                .contains("Verification and resolution")
                .contains("How to verify")
                .contains("openssl pkeyutl -verify")
                .contains("href=\"/share/t/report.pdf\"")
                .contains("href=\"/share/t/record.json\"");
    }

    @Test
    void escapesEverythingAPersonTyped() {
        assertThat(Html.escape("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(new Html().element("p", null, "\"a\" & 'b'").toString())
                .isEqualTo("<p>&quot;a&quot; &amp; &#39;b&#39;</p>");
    }

    @Test
    void refusesARecordThatDoesNotVerify() throws IOException {
        byte[] tampered = new String(sample(), StandardCharsets.UTF_8)
                .replace("It worked", "It failed")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SharePage.create().render(tampered, "a", "b")).isInstanceOf(ReportException.class);
    }
}
