package org.madang.poll.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;
import org.madang.poll.entity.AttributeConsent;
import org.madang.poll.entity.PollResponse;

/**
 * A person's poll answers and the attributes they shared for breakdowns. Answers are never shown one by one, so they
 * stay counted after erasure (results must not change); the attributes stored with them, and the shared ones, go.
 */
@ApplicationScoped
public class PollPersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Override
    public String section() { return "polls"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(PollResponse.class, AttributeConsent.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var answers = Json.createArrayBuilder();
        em.createQuery("SELECT r FROM PollResponse r WHERE r.accountId = :a ORDER BY r.answeredAt", PollResponse.class)
                .setParameter("a", accountId).getResultList().forEach(r -> {
                    var o = Json.createObjectBuilder().add("pollId", r.pollId().toString()).add("answer", r.answer())
                            .add("answeredAt", r.answeredAt().toString());
                    if (r.district() != null) o.add("district", r.district());
                    if (r.ageBand() != null) o.add("ageBand", r.ageBand());
                    if (r.gender() != null) o.add("gender", r.gender());
                    answers.add(o);
                });
        var shared = Json.createObjectBuilder();
        var consent = em.find(AttributeConsent.class, accountId);
        if (consent != null) {
            if (consent.birthYear() != null) shared.add("birthYear", consent.birthYear());
            if (consent.gender() != null) shared.add("gender", consent.gender());
            shared.add("shareDistrict", consent.shareDistrict());
        }
        return Json.createObjectBuilder().add("answers", answers).add("sharedForBreakdowns", shared).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        // answers carry no name
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        em.createQuery("DELETE FROM AttributeConsent c WHERE c.accountId = :a").setParameter("a", accountId).executeUpdate();
        em.createQuery("UPDATE PollResponse r SET r.district = NULL, r.ageBand = NULL, r.gender = NULL WHERE r.accountId = :a")
                .setParameter("a", accountId).executeUpdate();
    }
}
