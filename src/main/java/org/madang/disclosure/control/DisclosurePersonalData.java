package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;

/**
 * A person's information-disclosure requests. They are public records the agency must keep for their retention
 * period whatever the requester asks, so erasure leaves them: the account they point to no longer names anyone.
 */
@ApplicationScoped
public class DisclosurePersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Override
    public String section() { return "disclosure"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(DisclosureRequest.class, ThirdPartyNotice.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var requests = Json.createArrayBuilder();
        em.createQuery("SELECT r FROM DisclosureRequest r WHERE r.requesterId = :a ORDER BY r.receivedAt", DisclosureRequest.class)
                .setParameter("a", accountId).getResultList().forEach(r -> {
                    var o = Json.createObjectBuilder().add("reference", r.reference()).add("agencyId", r.agencyId().toString())
                            .add("subject", r.subject()).add("description", r.description()).add("status", r.status().name())
                            .add("receivedAt", r.receivedAt().toString());
                    if (r.decision() != null) o.add("decision", r.decision().name());
                    if (r.decisionReason() != null) o.add("decisionReason", r.decisionReason());
                    if (r.objectionText() != null) o.add("objection", r.objectionText());
                    if (r.clarificationAnswer() != null) o.add("clarificationAnswer", r.clarificationAnswer());
                    requests.add(o);
                });
        return Json.createObjectBuilder().add("requests", requests).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        // requests are not published under the requester's name
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        // kept for the records' statutory retention (see the class comment)
    }
}
