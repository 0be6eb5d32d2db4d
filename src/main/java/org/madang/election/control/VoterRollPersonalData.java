package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.madang.election.entity.Voter;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;

/**
 * A person's places on voter rolls. Erasure replaces the roll's e-mail address but keeps the entry, its district
 * and public credential: the election record needs them, and ballots never held identity, so no ballot, board
 * entry or credential changes.
 */
@ApplicationScoped
public class VoterRollPersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Override
    public String section() { return "elections"; }

    @Override
    public List<PersonalDataField> fields() { return PersonalDataField.declaredIn(Voter.class); }

    @Override
    public JsonObject export(UUID accountId) {
        var roll = Json.createArrayBuilder();
        voters(accountId).forEach(v -> roll.add(Json.createObjectBuilder().add("electionId", v.electionId().toString())
                .add("email", v.email()).add("district", v.district()).add("ballotStyle", v.ballotStyle())
                .add("credentialRegistered", v.credential() != null)));
        return Json.createObjectBuilder().add("voterRolls", roll).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        // rolls are not public contributions
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        // entity by entity, so the placeholder is encrypted and hashed like any address
        String erased = "erased-" + accountId + "@erased.invalid";
        voters(accountId).forEach(v -> v.erase(erased));
    }

    private List<Voter> voters(UUID accountId) {
        return em.createQuery("SELECT v FROM Voter v WHERE v.accountId = :id ORDER BY v.addedAt", Voter.class)
                .setParameter("id", accountId).getResultList();
    }
}
