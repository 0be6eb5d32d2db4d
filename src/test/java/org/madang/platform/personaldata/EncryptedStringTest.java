package org.madang.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedStringTest {

    @TempDir
    Path directory;

    @Test
    void ciphertextNamesItsKeyHidesThePlaintextAndReadsBackUnderEveryKeptKey() {
        var keys = FieldKeys.open(directory.resolve("keys.properties"));
        String district = "서울특별시 종로구";
        String stored = EncryptedString.encrypt(district, keys);
        assertThat(stored).startsWith("gcm1:" + keys.currentId() + ":").doesNotContain(district);
        assertThat(EncryptedString.encrypt(district, keys)).as("a fresh nonce every time").isNotEqualTo(stored);
        assertThat(EncryptedString.decrypt(stored, keys)).isEqualTo(district);
        assertThat(stored.length()).as("fits the column").isLessThan(400);

        var rotated = keys.withNewKey();
        assertThat(rotated.currentId()).isNotEqualTo(keys.currentId());
        assertThat(EncryptedString.decrypt(stored, rotated)).isEqualTo(district);
        assertThat(EncryptedString.keyIdOf(EncryptedString.encrypt(district, rotated))).isEqualTo(rotated.currentId());

        // the file keeps both keys: a restart still reads rows not yet re-encrypted
        var reopened = FieldKeys.open(directory.resolve("keys.properties"));
        assertThat(reopened.currentId()).isEqualTo(rotated.currentId());
        assertThat(EncryptedString.decrypt(stored, reopened)).isEqualTo(district);
    }

    @Test
    void aTamperedOrRelabelledCiphertextIsRefusedAndPlaintextFromBeforeEncryptionReadsAsIs() {
        var keys = FieldKeys.open(directory.resolve("keys.properties"));
        var older = keys.currentId();
        var rotated = keys.withNewKey();
        String stored = EncryptedString.encrypt("부산광역시 해운대구", rotated);
        char last = stored.charAt(stored.length() - 3);
        String flipped = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 2);
        assertThatThrownBy(() -> EncryptedString.decrypt(flipped, rotated)).isInstanceOf(IllegalStateException.class);
        String relabelled = stored.replace(":" + rotated.currentId() + ":", ":" + older + ":");
        assertThatThrownBy(() -> EncryptedString.decrypt(relabelled, rotated)).isInstanceOf(IllegalStateException.class);
        assertThat(EncryptedString.decrypt("종로구", rotated)).isEqualTo("종로구");
        assertThat(EncryptedString.keyIdOf("종로구")).isNull();
    }
}
