package org.madang.disclosure.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.madang.disclosure.entity.Publication;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PublicationFeedTest {

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Publication publication(String titleKo, String description, Instant at) {
        return new Publication(UUID.randomUUID(), Publication.Kind.REPORT, titleKo, "Report", Publication.Category.BUDGET,
                LocalDate.of(2026, 3, 2), null, "ko", Publication.Licence.KOGL_1, description, at);
    }

    @Test
    void markupAndForbiddenCharactersNeverBreakTheFeed() throws Exception {
        var hostile = publication("<script>alert('x')</script> & \"따옴표\" \u0001\uFFFE끝", "]]> <![CDATA[ &amp; \u0008",
                Instant.parse("2026-03-02T01:02:03.456Z"));
        String xml = PublicationFeed.write("https://madang.example/", "https://madang.example/api/publications/feeds/category/BUDGET.atom",
                "예산 & <재정>", "마당", Instant.EPOCH, List.of(hostile));
        assertThat(xml).doesNotContain("<script>").doesNotContain("\u0001");
        var feed = parse(xml).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(PublicationFeed.ATOM);
        assertThat(text(feed, "title")).isEqualTo("예산 & <재정>");
        assertThat(text(feed, "updated")).isEqualTo("2026-03-02T01:02:03Z");
        var entry = (Element) feed.getElementsByTagNameNS(PublicationFeed.ATOM, "entry").item(0);
        assertThat(text(entry, "id")).isEqualTo("urn:uuid:" + hostile.id());
        assertThat(text(entry, "title")).isEqualTo("<script>alert('x')</script> & \"따옴표\" 끝 / Report");
        assertThat(text(entry, "summary")).isEqualTo("]]> <![CDATA[ &amp; ");
    }

    @Test
    void anEmptyFeedIsStillValidAtom() throws Exception {
        var feed = parse(PublicationFeed.write("https://madang.example/", "https://madang.example/x.atom", "빈 목록", "마당",
                Instant.parse("2026-01-01T00:00:00Z"), List.of())).getDocumentElement();
        assertThat(text(feed, "updated")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(text(feed, "id")).isEqualTo("https://madang.example/x.atom");
        assertThat(feed.getElementsByTagNameNS(PublicationFeed.ATOM, "author").getLength()).isEqualTo(1);
        assertThat(feed.getElementsByTagNameNS(PublicationFeed.ATOM, "entry").getLength()).isZero();
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(PublicationFeed.ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i).getParentNode() == parent) return nodes.item(i).getTextContent();
        throw new AssertionError("no " + name);
    }
}
