package org.madang.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.madang.platform.auth.Es256;

/**
 * CPU time of one ES256 receipt-sized signature: Nimbus's JCA signer on Bouncy Castle's provider (how receipts were
 * signed until session 10) against {@link Es256#signer}, in alternating rounds of 2,000 on one thread.
 * Run: {@code mvn -q -Pbench -P '!webapp' test-compile exec:exec -Dbench.main=org.madang.bench.SigningCost}.
 */
public final class SigningCost {

    public static void main(String[] args) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        ECDSASigner jca = new ECDSASigner(key);
        jca.getJCAContext().setProvider(new BouncyCastleProvider());
        JWSSigner lightweight = Es256.signer(key);
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 6; round++) {
            for (JWSSigner signer : new JWSSigner[] {jca, lightweight}) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 2_000; i++) {
                    new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(Map.of("position", i))).sign(signer);
                }
                System.out.printf("round %d, %s: %.1f us per signature%n", round, signer == jca ? "JCA (Bouncy Castle provider)" : "Es256.signer",
                        (threads.getCurrentThreadCpuTime() - start) / 2_000e3);
            }
        }
    }
}
