package org.madang.platform.personaldata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt personal-data columns at rest, each with an id that every ciphertext names. Kept in
 * a properties file ({@code madang.field-keys.file}, default {@code data/field-keys.properties}, readable by the
 * owner only), made with one key on first start. The newest key ({@code current}) encrypts; every key decrypts.
 * Held statically because JPA creates attribute converters itself.
 *
 * <p>The instances of a cluster share the file. When one rotates, the others read the file again: at once when they
 * meet a ciphertext under a key they do not know, and within {@link #RECHECK} to encrypt under the new current key.
 */
public final class FieldKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration RECHECK = Duration.ofSeconds(5);
    private static volatile FieldKeys loaded;
    /** When the file was last compared with what is loaded (System.nanoTime), and its time of change then. */
    private static volatile long checkedAt;
    private static volatile FileTime loadedModified;

    private final Path file;
    private final Map<String, SecretKey> keys;
    private final String current;
    /** The HMAC key of look-up columns (e.g. {@code account.email_lookup}); kept apart from the encryption keys. */
    private final SecretKey lookup;

    private FieldKeys(Path file, Map<String, SecretKey> keys, String current, SecretKey lookup) {
        this.file = file;
        this.keys = Map.copyOf(keys);
        this.current = current;
        this.lookup = lookup;
    }

    /** The keys in use, read (or made) on first use. */
    public static FieldKeys get() {
        var keys = loaded;
        if (keys == null || System.nanoTime() - checkedAt > RECHECK.toNanos()) {
            synchronized (FieldKeys.class) {
                if (loaded == null) loaded = open(configuredFile());
                else if (System.nanoTime() - checkedAt > RECHECK.toNanos()) reopenIfChanged(loaded.file);
                keys = loaded;
            }
        }
        return keys;
    }

    /** Reads the file again if another instance has changed it since it was loaded; keeps the loaded keys otherwise. */
    private static void reopenIfChanged(Path file) {
        checkedAt = System.nanoTime();
        try {
            if (!Files.getLastModifiedTime(file).equals(loadedModified)) open(file);
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            // a file being replaced or unreadable for a moment: the keys already loaded stay in use
        }
    }

    /** Opens (or makes, with one new key) the key file; for tests and start-up. */
    public static synchronized FieldKeys open(Path file) {
        return underFileLock(file, () -> {
            var opened = read(file);
            if (opened == null) {
                opened = new FieldKeys(file, Map.of(), null, newLookupKey()).plusNewKey();
                opened.save();
            }
            loaded = opened;
            loadedModified = Files.getLastModifiedTime(file);
            checkedAt = System.nanoTime();
            return opened;
        });
    }

    /**
     * Adds a new key, makes it current and saves the file; older keys stay to decrypt until rows are re-encrypted. The
     * key is added to what the file holds now, under a file lock, so that a key another instance added is never lost.
     */
    public FieldKeys withNewKey() {
        synchronized (FieldKeys.class) {
            return underFileLock(file, () -> {
                var onFile = read(file);
                var rotated = (onFile == null ? this : onFile).plusNewKey();
                rotated.save();
                loaded = rotated;
                checkedAt = System.nanoTime();
                return rotated;
            });
        }
    }

    private FieldKeys plusNewKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        var next = new LinkedHashMap<>(keys);
        String id = "k" + (keys.size() + 1) + "-" + Long.toString(System.currentTimeMillis(), 36);
        next.put(id, new SecretKeySpec(secret, "AES"));
        return new FieldKeys(file, next, id, lookup);
    }

    /** The keys in the file, or null when there is no file yet. A file from before look-up columns gets its look-up key now, once. */
    private static FieldKeys read(Path file) throws IOException {
        if (!Files.exists(file)) return null;
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        var keys = new LinkedHashMap<String, SecretKey>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("key.")) {
                keys.put(name.substring(4), new SecretKeySpec(Base64.getDecoder().decode(properties.getProperty(name)), "AES"));
            }
        }
        String current = properties.getProperty("current");
        if (current == null || !keys.containsKey(current)) throw new IllegalStateException("No current key in " + file);
        String lookup = properties.getProperty("lookup");
        var read = new FieldKeys(file, keys, current, lookup == null ? newLookupKey() : new SecretKeySpec(Base64.getDecoder().decode(lookup), "HmacSHA256"));
        if (lookup == null) read.save();
        return read;
    }

    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** Runs a read-change-write of the key file while holding a lock that other processes sharing the file respect. */
    private static <T> T underFileLock(Path file, FileWork<T> work) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String currentId() { return current; }

    public SecretKey current() { return keys.get(current); }

    /**
     * The key of look-up columns. It is not rotated with the encryption keys: every stored look-up value would have to
     * be recomputed, and a look-up value reveals nothing but equality anyway.
     */
    public SecretKey lookupKey() { return lookup; }

    public SecretKey key(String id) {
        var key = keys.get(id);
        if (key == null) {
            // made by another instance's rotation after this one read the file
            synchronized (FieldKeys.class) {
                reopenIfChanged(file);
                key = loaded.keys.get(id);
            }
        }
        if (key == null) throw new IllegalStateException("Unknown field key " + id);
        return key;
    }

    private void save() {
        var properties = new Properties();
        keys.forEach((id, key) -> properties.setProperty("key." + id, Base64.getEncoder().encodeToString(key.getEncoded())));
        properties.setProperty("current", current);
        properties.setProperty("lookup", Base64.getEncoder().encodeToString(lookup.getEncoded()));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(out, "Madang field encryption keys: keep secret, back up with the database");
            }
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's permissions apply
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            loadedModified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SecretKey newLookupKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    private static Path configuredFile() {
        String configured;
        try {
            configured = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("madang.field-keys.file", String.class).orElse("data/field-keys.properties");
        } catch (IllegalStateException | NoClassDefFoundError noConfig) {
            configured = "data/field-keys.properties";
        }
        return Path.of(configured);
    }
}
