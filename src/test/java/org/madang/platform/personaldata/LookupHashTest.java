package org.madang.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupHashTest {

    @TempDir
    Path directory;

    @Test
    void equalAddressesGiveEqualValuesUnderOneKeyThatSurvivesRotationAndRestart() throws Exception {
        var keys = FieldKeys.open(directory.resolve("keys.properties"));
        String value = LookupHash.of(LookupHash.normaliseEmail(" Kim.MinJi@Example.KR "), keys);
        assertThat(value).matches("[0-9a-f]{64}").doesNotContain("kim");
        assertThat(LookupHash.of("kim.minji@example.kr", keys)).isEqualTo(value);
        assertThat(LookupHash.of("kim.minji@example.kr.", keys)).isNotEqualTo(value);

        // the look-up key is not rotated with the encryption keys (stored values would stop matching) and is kept
        var rotated = keys.withNewKey();
        assertThat(LookupHash.of("kim.minji@example.kr", rotated)).isEqualTo(value);
        assertThat(LookupHash.of("kim.minji@example.kr", FieldKeys.open(directory.resolve("keys.properties")))).isEqualTo(value);

        // another installation (another key) gives another value: the hash cannot be tested against guesses without it
        var elsewhere = FieldKeys.open(directory.resolve("other.properties"));
        assertThat(LookupHash.of("kim.minji@example.kr", elsewhere)).isNotEqualTo(value);
    }

    @Test
    void aKeyFileFromBeforeLookUpColumnsGetsItsLookUpKeyOnce() throws Exception {
        Path file = directory.resolve("old.properties");
        FieldKeys.open(file);
        // drop the look-up key, as a file written before V12 is
        var lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("lookup=")).toList();
        Files.write(file, lines);
        String first = LookupHash.of("a@b.kr", FieldKeys.open(file));
        assertThat(Files.readString(file)).contains("lookup=");
        assertThat(LookupHash.of("a@b.kr", FieldKeys.open(file))).isEqualTo(first);
    }
}
