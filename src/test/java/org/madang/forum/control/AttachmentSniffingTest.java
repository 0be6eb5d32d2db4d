package org.madang.forum.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AttachmentSniffingTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void recognisesTheAllowedTypesByTheirMagicNumbers() {
        assertThat(Attachments.sniff(HexFormat.of().parseHex("89504e470d0a1a0a0000"))).contains("image/png");
        assertThat(Attachments.sniff(HexFormat.of().parseHex("ffd8ffe000104a464946"))).contains("image/jpeg");
        assertThat(Attachments.sniff(ascii("GIF89a\u0001\u0000"))).contains("image/gif");
        assertThat(Attachments.sniff(ascii("GIF87a\u0001\u0000"))).contains("image/gif");
        assertThat(Attachments.sniff(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).contains("image/webp");
        assertThat(Attachments.sniff(ascii("%PDF-1.7\n"))).contains("application/pdf");
    }

    @Test
    void refusesSvgHtmlAndLookAlikes() {
        assertThat(Attachments.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
        assertThat(Attachments.sniff(ascii("<?xml version=\"1.0\"?><svg/>"))).isEmpty();
        assertThat(Attachments.sniff(ascii("<!DOCTYPE html><html>"))).isEmpty();
        assertThat(Attachments.sniff(ascii("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).isEmpty();
        assertThat(Attachments.sniff(ascii("GIF8"))).isEmpty();
        assertThat(Attachments.sniff(new byte[0])).isEmpty();
        assertThat(Attachments.sniff(ascii(" %PDF-1.7"))).isEmpty();
    }

    @Test
    void namesFollowTheSniffedType() {
        assertThat(Attachments.safeName("evil.html", "image/png")).isEqualTo("evil.png");
        assertThat(Attachments.safeName("../../etc/passwd", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(Attachments.safeName("보고서 \"최종\".pdf", "application/pdf")).isEqualTo("보고서_최종_.pdf");
        assertThat(Attachments.safeName(null, "image/gif")).isEqualTo("attachment.gif");
    }
}
