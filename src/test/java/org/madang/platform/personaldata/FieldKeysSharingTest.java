package org.madang.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of a cluster share one key file: a key one of them adds is found by the other. */
class FieldKeysSharingTest {

    @TempDir
    Path directory;

    @Test
    void aKeyAddedByAnotherInstanceIsReadFromTheSharedFileWhenFirstMet() throws Exception {
        Path shared = directory.resolve("keys.properties");
        Path otherCopy = directory.resolve("other.properties");
        FieldKeys.open(shared);
        Files.copy(shared, otherCopy);
        // the other instance rotates: a new current key, and a row encrypted under it
        var other = FieldKeys.open(otherCopy).withNewKey();
        String stored = EncryptedString.encrypt("someone@example.kr", other);

        var mine = FieldKeys.open(shared);
        assertThat(mine.currentId()).isNotEqualTo(other.currentId());
        // ... and writes the shared file
        Files.copy(otherCopy, shared, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(shared, FileTime.from(Instant.now().plusSeconds(10)));

        assertThat(EncryptedString.decrypt(stored, mine)).isEqualTo("someone@example.kr");
        assertThat(FieldKeys.get().currentId()).as("new rows are encrypted under the new key").isEqualTo(other.currentId());
    }

    @Test
    void aRotationKeepsTheKeysAnotherInstanceAddedMeanwhile() throws Exception {
        Path shared = directory.resolve("keys.properties");
        Path otherCopy = directory.resolve("other.properties");
        FieldKeys.open(shared);
        Files.copy(shared, otherCopy);
        var other = FieldKeys.open(otherCopy).withNewKey();
        String stored = EncryptedString.encrypt("someone@example.kr", other);
        var mine = FieldKeys.open(shared);
        Files.copy(otherCopy, shared, StandardCopyOption.REPLACE_EXISTING);

        // this instance rotates before it has read the other's key: the file must still hold it afterwards
        var rotated = mine.withNewKey();
        assertThat(rotated.currentId()).isNotEqualTo(other.currentId());
        assertThat(EncryptedString.decrypt(stored, FieldKeys.open(shared))).isEqualTo("someone@example.kr");
    }
}
