package org.madang.platform.account.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id PHC strings with chosen parameters, written here independently of {@link PasswordHasher}. */
final class PasswordHasherTestSupport {

    private PasswordHasherTestSupport() {
    }

    static String argon2id(String password, String saltB64, int memoryKib, int iterations, int parallelism) {
        byte[] salt = Base64.getDecoder().decode(saltB64);
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        var b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(hash);
    }
}
