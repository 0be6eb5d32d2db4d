package org.madang.platform.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.auth.Role;

/** A role held by an account, for one organisation where the role is organisation-scoped. */
@Entity
@Table(name = "role_grant")
public class RoleGrant {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "organisation_id")
    private UUID organisationId;
    /** The organisation id, or '' for unscoped roles: the unique key (account, role, scope) needs no NULLs. */
    @Column(nullable = false)
    private String scope;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;
    @Column(name = "granted_by")
    private UUID grantedBy;

    protected RoleGrant() {
    }

    RoleGrant(Account account, Role role, UUID organisationId, UUID grantedBy, Instant grantedAt) {
        this.id = UUID.randomUUID();
        this.account = account;
        this.role = role;
        this.organisationId = organisationId;
        this.scope = organisationId == null ? "" : organisationId.toString();
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public Role role() { return role; }
    public UUID organisationId() { return organisationId; }
    public Instant grantedAt() { return grantedAt; }
}
