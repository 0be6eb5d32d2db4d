package org.madang.ballot.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.json.JsonWriter;

/**
 * Writes an election record in egk-ec's directory layout (see {@link ElectionRecordReader}), one
 * file per call, so that ballots can be published as they arrive. The manifest is written as the
 * exact bytes whose hash H_M is in the configuration.
 */
public final class ElectionRecordWriter {

    private final Path root;

    public ElectionRecordWriter(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public void writeConstants(ElectionConstants constants) {
        write(root.resolve(ElectionRecordReader.CONSTANTS), RecordJson.write(constants));
    }

    public void writeManifest(byte[] manifestBytes) {
        writeBytes(root.resolve(ElectionRecordReader.MANIFEST), manifestBytes);
    }

    public void writeConfig(ElectionConfig config) {
        write(root.resolve(ElectionRecordReader.CONFIG), RecordJson.write(config));
    }

    public void writeInitialized(ElectionInitialized init) {
        write(root.resolve(ElectionRecordReader.INITIALIZED), RecordJson.write(init));
    }

    public void writeEncryptedBallot(EncryptedBallot ballot) {
        Path dir = root.resolve(ElectionRecordReader.ENCRYPTED_BALLOTS).resolve(safe(ballot.encryptingDevice()));
        write(dir.resolve(ElectionRecordReader.ENCRYPTED_BALLOT_PREFIX + safe(ballot.ballotId()) + ".json"), RecordJson.write(ballot));
    }

    public void writeBallotChain(BallotChain chain) {
        Path dir = root.resolve(ElectionRecordReader.ENCRYPTED_BALLOTS).resolve(safe(chain.encryptingDevice()));
        write(dir.resolve(ElectionRecordReader.BALLOT_CHAIN), RecordJson.write(chain));
    }

    public void writeEncryptedTally(EncryptedTally tally) {
        write(root.resolve(ElectionRecordReader.ENCRYPTED_TALLY), RecordJson.write(tally));
    }

    public void writeTally(DecryptedTallyOrBallot tally) {
        write(root.resolve(ElectionRecordReader.TALLY), RecordJson.write(tally));
    }

    public void writeChallengedBallot(DecryptedTallyOrBallot ballot) {
        write(root.resolve(ElectionRecordReader.CHALLENGED_BALLOTS)
                .resolve(ElectionRecordReader.DECRYPTED_BALLOT_PREFIX + safe(ballot.id()) + ".json"), RecordJson.write(ballot));
    }

    /** Ids become file names: refuse anything that could leave the directory or clash on case-insensitive disks badly. */
    private static String safe(String id) {
        if (id.isEmpty() || !id.matches("[A-Za-z0-9._-]+") || id.startsWith(".")) {
            throw new IllegalArgumentException("id '" + id + "' cannot be used as a file name");
        }
        return id;
    }

    private static void write(Path file, JsonValue json) {
        writeBytes(file, JsonWriter.writeUtf8(json));
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
