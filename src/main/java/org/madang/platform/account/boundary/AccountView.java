package org.madang.platform.account.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.madang.platform.account.entity.Account;

/** An account as its owner and administrators see it. */
public record AccountView(UUID id, String email, String displayName, String locale, String identityLevel,
                          String residentDistrict, List<RoleView> roles, boolean totpEnabled, Instant createdAt) {

    public record RoleView(String role, UUID organisationId) {
    }

    public static AccountView of(Account account) {
        return new AccountView(account.id(), account.email(), account.displayName(), account.locale(),
                account.identityLevel().name(), account.residentDistrict(),
                account.roles().stream().map(g -> new RoleView(g.role().name(), g.organisationId())).toList(),
                account.totpEnabled(), account.createdAt());
    }
}
