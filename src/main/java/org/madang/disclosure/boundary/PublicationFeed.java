package org.madang.disclosure.boundary;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.madang.disclosure.entity.Publication;

/**
 * An Atom 1.0 feed (RFC 4287) of publications, newest first. The XML writer escapes markup characters; characters
 * XML 1.0 cannot carry at all are dropped first.
 */
final class PublicationFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml";

    private PublicationFeed() {
    }

    /**
     * @param base    the site's absolute root, e.g. "https://madang.example/" (ends with "/")
     * @param self    this feed's absolute URL, also its id
     * @param updated used when there are no entries (Atom requires the element)
     */
    static String write(String base, String self, String title, String author, Instant updated, List<Publication> items) {
        try {
            var out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", "ko");
            text(xml, "id", self);
            text(xml, "title", title);
            Instant newest = items.stream().map(Publication::updatedAt).max(Instant::compareTo).orElse(updated);
            text(xml, "updated", stamp(newest));
            link(xml, "self", self, MEDIA_TYPE);
            link(xml, "alternate", base + "information/catalogue.html", "text/html");
            xml.writeStartElement("author");
            text(xml, "name", author);
            xml.writeEndElement();
            for (Publication p : items) {
                xml.writeStartElement("entry");
                text(xml, "id", "urn:uuid:" + p.id());
                text(xml, "title", (p.withdrawn() ? "[철회 Withdrawn] " : "") + p.titleKo() + " / " + p.titleEn());
                text(xml, "updated", stamp(p.updatedAt()));
                text(xml, "published", stamp(p.createdAt()));
                link(xml, "alternate", base + "information/document.html?id=" + p.id(), "text/html");
                link(xml, "related", base + "api/publications/" + p.id(), "application/json");
                xml.writeStartElement("category");
                xml.writeAttribute("term", p.category().name());
                xml.writeAttribute("label", clean(p.category().nameKo() + " / " + p.category().nameEn()));
                xml.writeEndElement();
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(p.withdrawn() ? p.withdrawalReason() : p.description()));
                xml.writeEndElement();
                text(xml, "rights", p.licence().nameKo() + " / " + p.licence().nameEn());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", clean(href));
        xml.writeAttribute("type", type);
        xml.writeEndElement();
    }

    private static String stamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Drops what XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(String text) {
        if (text == null) return "";
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
