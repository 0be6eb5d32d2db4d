package org.madang.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ES256 signers and verifiers on Bouncy Castle's P-256, which signs about twice and verifies about five times as fast
 * as the JDK's own provider here; every ballot receipt and every request's token goes through one.
 */
public final class Es256 {

    /** Our own instance: Nimbus's provider singleton lives in Payara's class loader, which cannot see the application's Bouncy Castle. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Es256() {
    }

    public static ECDSASigner signer(ECKey key) throws JOSEException {
        var signer = new ECDSASigner(key);
        signer.getJCAContext().setProvider(BOUNCY_CASTLE);
        return signer;
    }

    public static ECDSAVerifier verifier(ECKey key) throws JOSEException {
        var verifier = new ECDSAVerifier(key);
        verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
        return verifier;
    }
}
