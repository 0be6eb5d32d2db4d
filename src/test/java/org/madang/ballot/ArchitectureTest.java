package org.madang.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ballot/ must not depend on the server (no jakarta.*, nothing of org.madang outside ballot), and
 * the auditors' verifier may use only ballot/ and the JDK (plus Bouncy Castle's lightweight API).
 */
class ArchitectureTest {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void ballotImportsNothingOfTheServer() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java/org/madang/ballot"), Path.of("src/test/java/org/madang/ballot"))) {
            for (String[] imp : imports(root)) {
                String name = imp[1];
                boolean allowed = name.startsWith("java.") || name.startsWith("javax.crypto.")
                        || name.startsWith("org.madang.ballot.")
                        || name.startsWith("org.bouncycastle.math.ec.") || name.startsWith("org.bouncycastle.crypto.")
                        || name.startsWith("org.bouncycastle.asn1.x9.")
                        || (imp[0].contains("/test/") && (name.startsWith("org.junit.") || name.startsWith("org.assertj.")));
                if (!allowed || name.startsWith("jakarta.") || name.equals("java.security.Security")) {
                    offending.add(imp[0] + ": " + name);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void verifierUsesOnlyBallotAndTheJdk() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java/org/madang/verifier"), Path.of("src/test/java/org/madang/verifier"))) {
            for (String[] imp : imports(root)) {
                String name = imp[1];
                boolean allowed = name.startsWith("java.") || name.startsWith("org.madang.ballot.")
                        || name.startsWith("org.madang.verifier.")
                        // the trustee command's tests stand up a fake relay on the JDK's own HTTP server
                        || (imp[0].contains("/test/") && (name.startsWith("org.junit.") || name.startsWith("org.assertj.")
                                || name.startsWith("com.sun.net.httpserver.")));
                if (!allowed) {
                    offending.add(imp[0] + ": " + name);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void bouncyCastleIsNeverRegisteredAsAProvider() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/madang"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.toString().contains("/ballot/") || f.toString().contains("/verifier/")) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("addProvider").doesNotContain("BouncyCastleProvider");
                }
            }
        }
    }

    private static List<String[]> imports(Path root) throws IOException {
        List<String[]> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(new String[] {f.toString(), m.group(2)});
                }
                // fully qualified uses bypass imports; catch the forbidden ones too
                String text = f.getFileName().toString().equals("ArchitectureTest.java") ? "" : Files.readString(f);
                for (String forbidden : new String[] {"jakarta.", "org.madang.platform", "org.madang.election",
                        "org.madang.forum", "org.madang.consultation", "org.madang.poll", "org.madang.disclosure", "org.madang.privacy"}) {
                    if (text.contains(forbidden)) {
                        out.add(new String[] {f.toString(), forbidden + " (qualified use)"});
                    }
                }
            }
        }
        return out;
    }
}
