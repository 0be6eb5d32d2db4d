package org.madang.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class ExportPageTest {

    @Test
    void everyValueIsEscapedAndEverySectionHasAHeading() {
        var export = Json.createObjectBuilder().add("generatedAt", "2026-11-28T00:00:00Z")
                .add("sections", Json.createObjectBuilder()
                        .add("account", Json.createObjectBuilder().add("displayName", "<script>alert('x')</script>")
                                .add("roles", Json.createArrayBuilder()))
                        .add("forum", Json.createObjectBuilder().add("posts", Json.createArrayBuilder().add("a & b"))))
                .build();
        String page = ExportPage.render(export, true);
        assertThat(page).contains("<html lang=\"ko\">", "<h2>account</h2>", "<h2>forum</h2>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "a &amp; b")
                .doesNotContain("<script>");
        assertThat(ExportPage.render(export, false)).contains("<html lang=\"en\">", "What Madang holds about me");
    }
}
