package org.madang.platform.organisation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.organisation.entity.Organisation;

/** The tree of ministries and agencies. A ministry is a root; an agency hangs under a ministry or an agency. */
@ApplicationScoped
public class Organisations {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Organisation> all() {
        return em.createQuery("SELECT o FROM Organisation o ORDER BY o.kind DESC, o.nameKo", Organisation.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organisation byId(UUID id) {
        var organisation = id == null ? null : em.find(Organisation.class, id);
        if (organisation == null) throw ProblemException.notFound("organisation");
        return organisation;
    }

    @Transactional
    public Organisation create(String nameKo, String nameEn, Organisation.Kind kind, UUID parentId, String actor) {
        checkPlacement(kind, parentId, null);
        var organisation = new Organisation(nameKo.strip(), nameEn.strip(), kind, parentId, clock.instant());
        em.persist(organisation);
        em.flush(); // role grants refer to it by id only, so it must be written before them
        audit.record(actor, "organisation.created", "organisation:" + organisation.id(), nameKo + " / " + nameEn);
        return organisation;
    }

    @Transactional
    public Organisation update(UUID id, String nameKo, String nameEn, UUID parentId, int expectedVersion, String actor) {
        var organisation = byId(id);
        if (organisation.version() != expectedVersion) {
            throw new OptimisticLockException();
        }
        checkPlacement(organisation.kind(), parentId, id);
        organisation.rename(nameKo.strip(), nameEn.strip());
        organisation.moveUnder(parentId);
        audit.record(actor, "organisation.updated", "organisation:" + id,
                nameKo + " / " + nameEn + (parentId == null ? "" : " under " + parentId));
        em.flush();
        return organisation;
    }

    /** Ministries are roots; agencies need a parent, and no organisation may end up under itself. */
    private void checkPlacement(Organisation.Kind kind, UUID parentId, UUID self) {
        if (kind == Organisation.Kind.MINISTRY && parentId != null) {
            throw ProblemException.invalid("parentId", "organisation.ministryIsRoot");
        }
        if (kind == Organisation.Kind.AGENCY && parentId == null) {
            throw ProblemException.invalid("parentId", "organisation.agencyNeedsParent");
        }
        var seen = new HashSet<UUID>();
        for (UUID cursor = parentId; cursor != null; cursor = byId(cursor).parentId()) {
            if (cursor.equals(self) || !seen.add(cursor)) {
                throw ProblemException.invalid("parentId", "organisation.cycle");
            }
        }
    }
}
