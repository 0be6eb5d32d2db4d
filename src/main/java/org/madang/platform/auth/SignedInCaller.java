package org.madang.platform.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person a verified access token speaks for: their groups (role names usable in {@code @RolesAllowed}), the
 * organisations their scoped roles apply to, and how they signed in ("pwd", "otp").
 */
public record SignedInCaller(UUID accountId, String email, String displayName, List<String> groups,
                             Map<String, List<String>> organisationRoles, List<String> methods, String csrfToken,
                             String rawToken, Instant expiresAt) implements JsonWebToken {

    /** The platform itself acting with an administrator's authority (start-up tasks, demo data). */
    public static SignedInCaller system() {
        return new SignedInCaller(new UUID(0, 0), "system", "system", List.of(Role.ADMIN.name()), Map.of(),
                List.of("pwd", "otp"), null, null, null);
    }

    @Override
    public String getName() { return accountId.getMostSignificantBits() == 0 && accountId.getLeastSignificantBits() == 0 ? "system" : accountId.toString(); }

    public boolean has(Role role) {
        return groups.contains(role.name());
    }

    /** True when the caller holds a scoped role (OFFICIAL, ORG_ADMIN) for that organisation. */
    public boolean has(Role role, UUID organisationId) {
        return organisationRoles.getOrDefault(role.name(), List.of()).contains(organisationId.toString());
    }

    @Override
    public String getRawToken() { return rawToken; }

    @Override
    public Set<String> getClaimNames() {
        return Set.of("iss", "aud", "sub", "upn", "groups", "exp", "orgs", "amr", "name");
    }

    @Override
    public Set<String> getGroups() { return Set.copyOf(groups); }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        Object value = switch (claimName) {
            case "iss" -> AccessTokens.ISSUER;
            case "aud" -> Set.of(AccessTokens.AUDIENCE);
            case "sub" -> accountId.toString();
            case "upn" -> email;
            case "name" -> displayName;
            case "groups" -> getGroups();
            case "orgs" -> organisationRoles;
            case "amr" -> methods;
            case "exp" -> expiresAt.getEpochSecond();
            case "raw_token" -> rawToken;
            default -> null;
        };
        return (T) value;
    }

    @Override
    public <T> T getClaim(Claims claim) {
        return getClaim(claim.name());
    }
}
