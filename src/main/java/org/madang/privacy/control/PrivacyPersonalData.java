package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;
import org.madang.privacy.entity.AccessEntry;
import org.madang.privacy.entity.ConsentEvent;
import org.madang.privacy.entity.ErasureRequest;

/**
 * Privacy's own records about a person: their consent ledger, who read their data, their erasure requests. On
 * erasure the consent ledger goes; the access log stays for its two years (a legal obligation, and it names the
 * person only by account id) and so do the erasure requests (the proof that erasure was done).
 */
@ApplicationScoped
public class PrivacyPersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    ConsentLedger consents;

    @Inject
    AccessLog accessLog;

    @Override
    public String section() { return "privacy"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(ConsentEvent.class, AccessEntry.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var ledger = Json.createArrayBuilder();
        consents.history(accountId).forEach(e -> ledger.add(Json.createObjectBuilder().add("purpose", e.purpose().name())
                .add("granted", e.granted()).add("textVersion", e.textVersion()).add("at", e.at().toString())));
        var accesses = Json.createArrayBuilder();
        accessLog.about(accountId, 10_000).forEach(e -> accesses.add(Json.createObjectBuilder().add("at", e.at().toString())
                .add("staffRoles", e.staffRoles()).add("fields", e.fields()).add("purpose", e.purpose())));
        var requests = Json.createArrayBuilder();
        em.createQuery("SELECT r FROM ErasureRequest r WHERE r.accountId = :id ORDER BY r.requestedAt", ErasureRequest.class)
                .setParameter("id", accountId).getResultList()
                .forEach(r -> requests.add(Json.createObjectBuilder().add("requestedAt", r.requestedAt().toString())
                        .add("dueOn", r.dueOn().toString()).add("status", r.status().name())));
        return Json.createObjectBuilder().add("consents", ledger).add("accessLog", accesses).add("erasureRequests", requests).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        // nothing of privacy's is public
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        consents.eraseHistory(accountId);
    }
}
