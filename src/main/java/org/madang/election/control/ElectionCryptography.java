package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.madang.ballot.crypto.ElectionKey;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.IntegerGroup;
import org.madang.ballot.group.P256Group;
import org.madang.ballot.hash.ElectionHashes;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.json.JsonException;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonWriter;
import org.madang.ballot.record.ElectionConfig;
import org.madang.ballot.record.ElectionInitialized;
import org.madang.ballot.record.Manifest;
import org.madang.ballot.record.RecordFormatException;
import org.madang.ballot.record.RecordJson;
import org.madang.ballot.verify.BallotVerifier;
import org.madang.election.entity.Election;

/**
 * The ElectionGuard objects behind an election, parsed from the JSON the election keeps. Once the key ceremony is
 * done they never change, so they are parsed once and cached (the joint key's fixed-base table is costly to build
 * and every ballot check uses it).
 */
@ApplicationScoped
public class ElectionCryptography {

    public static final String P256 = "P-256", INTEGER_4096 = "Integer4096";

    /** What checking ballots of one initialized election needs. */
    public record Initialized(Group group, Manifest manifest, ElectionConfig config, ElectionInitialized init,
                              ElectionKey key, BallotVerifier verifier) {
    }

    private final Map<UUID, Initialized> initialized = new ConcurrentHashMap<>();

    public static Group group(String name) {
        return switch (name) {
            case P256 -> P256Group.instance();
            case INTEGER_4096 -> IntegerGroup.instance();
            default -> throw new IllegalArgumentException("unknown group " + name);
        };
    }

    public static String hex(HashValue h) {
        return HexFormat.of().formatHex(h.bytes());
    }

    public static HashValue parameterBaseHash(Group group) {
        return ElectionHashes.parameterBaseHash(group.constants());
    }

    /** election_config.json for the election's group, guardians and manifest; Madang's codes are not chained. */
    public static ElectionConfig config(Election e) {
        Group group = group(e.groupName());
        HashValue hp = parameterBaseHash(group);
        byte[] manifest = e.manifestJson().getBytes(StandardCharsets.UTF_8);
        HashValue hm = ElectionHashes.manifestHash(hp, manifest);
        HashValue hb = ElectionHashes.electionBaseHash(hp, hm, e.guardians(), e.quorum());
        return new ElectionConfig("2.1.0", e.guardians(), e.quorum(), hp, hm, hb, false, new byte[0],
                Map.of("Created by", "Madang", "Madang election", e.id().toString(),
                        "Demo trustees", e.demoTrustees() ? "yes: INSECURE, the server held every guardian's secret" : "no"));
    }

    public static String write(ElectionConfig config) {
        return JsonWriter.write(RecordJson.write(config));
    }

    public static Manifest manifest(Election e) {
        byte[] bytes = e.manifestJson().getBytes(StandardCharsets.UTF_8);
        try {
            return RecordJson.readManifest(bytes, JsonReader.parse(bytes, JsonReader.Limits.RECORD), "manifest.json");
        } catch (RecordFormatException | JsonException ex) {
            throw new IllegalStateException("stored manifest of " + e.id() + " does not parse", ex);
        }
    }

    /** The parsed documents of an election whose key ceremony is complete. */
    public Initialized of(Election e) {
        if (e.initializedJson() == null) throw new IllegalStateException("election " + e.id() + " has no joint key yet");
        return initialized.computeIfAbsent(e.id(), id -> {
            Group group = group(e.groupName());
            try {
                ElectionInitialized init = RecordJson.readInitialized(group,
                        JsonReader.parse(e.initializedJson(), JsonReader.Limits.RECORD), "election_initialized.json");
                Manifest manifest = manifest(e);
                ElectionKey key = new ElectionKey(group, init.jointPublicKey(), init.extendedBaseHash());
                return new Initialized(group, manifest, config(e), init, key, new BallotVerifier(key, manifest));
            } catch (RecordFormatException | JsonException ex) {
                throw new IllegalStateException("stored election_initialized of " + id + " does not parse", ex);
            }
        });
    }
}
