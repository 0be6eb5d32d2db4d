package org.madang.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileSignaturesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void binaryTypesAreReadFromTheFirstBytes() {
        assertThat(FileSignatures.binary(utf8("%PDF-1.7 ..."))).contains(FileSignatures.PDF);
        assertThat(FileSignatures.binary(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(FileSignatures.PNG);
        assertThat(FileSignatures.binary(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(FileSignatures.JPEG);
        assertThat(FileSignatures.binary(new byte[] {'P', 'K', 3, 4, 0})).contains(FileSignatures.ZIP);
        assertThat(FileSignatures.binary(utf8("RIFF1234WEBPVP8 "))).contains(FileSignatures.WEBP);
        assertThat(FileSignatures.binary(utf8("RIFF1234WAVEfmt "))).isEmpty();
        assertThat(FileSignatures.binary(utf8("<svg/>"))).isEmpty();
        assertThat(FileSignatures.binary(new byte[] {'%', 'P'})).isEmpty();
        assertThat(FileSignatures.binary(new byte[0])).isEmpty();
    }

    @Test
    void plainTextIsStrictUtf8WithoutControlsOrMarkup() {
        assertThat(FileSignatures.plainText(utf8("\uFEFF월,방문자\r\n1월,12\t\n"))).contains("월,방문자\r\n1월,12\t\n");
        assertThat(FileSignatures.plainText(utf8("  <html><script>alert(1)</script>"))).isEmpty();
        assertThat(FileSignatures.plainText(utf8("a\u0000b"))).isEmpty();
        assertThat(FileSignatures.plainText(utf8("a\u001bb"))).isEmpty();
        assertThat(FileSignatures.plainText(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty();
        assertThat(FileSignatures.plainText(utf8(" \n "))).isEmpty();
    }

    @Test
    void textTypeFollowsTheContentThenTheName() {
        assertThat(FileSignatures.textType(" {\"a\": 1}", "data.csv")).isEqualTo(FileSignatures.JSON);
        assertThat(FileSignatures.textType("a,b", "DATA.CSV")).isEqualTo(FileSignatures.CSV);
        assertThat(FileSignatures.textType("a,b", "notes.txt")).isEqualTo(FileSignatures.TEXT);
        assertThat(FileSignatures.textType("a,b", null)).isEqualTo(FileSignatures.TEXT);
    }

    @Test
    void sha256AsHexAndAsReprDigest() {
        String hex = FileSignatures.sha256Hex(utf8("abc"));
        assertThat(hex).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(FileSignatures.reprDigest(hex)).isEqualTo("sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:");
    }
}
