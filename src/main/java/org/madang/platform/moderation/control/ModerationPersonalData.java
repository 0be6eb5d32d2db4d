package org.madang.platform.moderation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.madang.platform.moderation.entity.Decision;
import org.madang.platform.moderation.entity.Flag;
import org.madang.platform.moderation.entity.ModerationCase;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;

/**
 * Moderation's records about a person: the decisions about their content (with their appeals) and the flags they
 * raised. The decisions stay, as the public log's record; on erasure the person's own words in them (appeals, flag
 * notes) go.
 */
@ApplicationScoped
public class ModerationPersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Override
    public String section() { return "moderation"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(ModerationCase.class, Decision.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var decisions = Json.createArrayBuilder();
        em.createQuery("SELECT d FROM Decision d WHERE d.authorId = :a ORDER BY d.decidedAt", Decision.class).setParameter("a", accountId)
                .getResultList().forEach(d -> {
                    var o = Json.createObjectBuilder().add("contentKind", d.contentKind()).add("contentId", d.contentId().toString())
                            .add("outcome", d.outcome().name()).add("rule", d.ruleCode()).add("reason", d.reason())
                            .add("decidedAt", d.decidedAt().toString());
                    if (d.appealText() != null) o.add("appeal", d.appealText());
                    if (d.appealOutcome() != null) o.add("appealOutcome", d.appealOutcome().name()).add("appealReason", d.appealReason());
                    decisions.add(o);
                });
        var flags = Json.createArrayBuilder();
        em.createQuery("SELECT f FROM Flag f WHERE f.flaggerId = :a ORDER BY f.flaggedAt", Flag.class).setParameter("a", accountId)
                .getResultList().forEach(f -> flags.add(Json.createObjectBuilder().add("contentKind", f.contentKind())
                        .add("contentId", f.contentId().toString()).add("reason", f.reason().name()).add("note", f.note())
                        .add("flaggedAt", f.flaggedAt().toString())));
        return Json.createObjectBuilder().add("decisionsAboutMyContent", decisions).add("flagsIRaised", flags).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        // the public log never names anyone
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        em.createQuery("UPDATE Flag f SET f.note = '' WHERE f.flaggerId = :a").setParameter("a", accountId).executeUpdate();
        em.createQuery("UPDATE Decision d SET d.appealText = '' WHERE d.authorId = :a AND d.appealText IS NOT NULL")
                .setParameter("a", accountId).executeUpdate();
    }
}
