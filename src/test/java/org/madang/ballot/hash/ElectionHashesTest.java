package org.madang.ballot.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madang.ballot.ReferenceRecords;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Groups;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.ElectionRecordReader;

/** H_P, H_M, H_B and H_E recomputed from the reference records equal the values egk-ec published. */
class ElectionHashesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ec", "integer"})
    void baseHashesMatchTheReferenceRecords(String which) throws Exception {
        Path dir = which.equals("ec") ? ReferenceRecords.ellipticCurve() : ReferenceRecords.integerGroup();
        ElectionRecordReader reader = new ElectionRecordReader(dir);
        ElectionConstants constants = reader.constants();
        ElectionConfig config = reader.config();
        Group group = Groups.fromConstants(constants);

        HashValue hp = ElectionHashes.parameterBaseHash(constants);
        assertThat(hp).isEqualTo(config.parameterBaseHash());
        HashValue hm = ElectionHashes.manifestHash(hp, reader.manifest().bytes());
        assertThat(hm).isEqualTo(config.manifestHash());
        HashValue hb = ElectionHashes.electionBaseHash(hp, hm, config.numberOfGuardians(), config.quorum());
        assertThat(hb).isEqualTo(config.electionBaseHash());
        ElectionInitialized init = reader.initialized(group);
        assertThat(ElectionHashes.extendedBaseHash(hb, init.jointPublicKey())).isEqualTo(init.extendedBaseHash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "integer"})
    void guardianSchnorrChallengesMatch(String which) throws Exception {
        Path dir = which.equals("ec") ? ReferenceRecords.ellipticCurve() : ReferenceRecords.integerGroup();
        ElectionRecordReader reader = new ElectionRecordReader(dir);
        Group group = Groups.fromConstants(reader.constants());
        var guardian = reader.initialized(group).guardians().get(0);
        // exercises hash-to-scalar (RFC 9380 for P-256, mod q for the integer group)
        assertThat(guardian.coefficientProofs().get(0).verify(group, reader.config().parameterBaseHash(), guardian.xCoordinate(), 0)).isTrue();
        assertThat(guardian.coefficientProofs().get(0).verify(group, reader.config().parameterBaseHash(), guardian.xCoordinate(), 1)).isFalse();
    }
}
