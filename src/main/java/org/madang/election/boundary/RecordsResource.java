package org.madang.election.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.madang.ballot.json.JsonReader;
import org.madang.ballot.json.JsonValue;
import org.madang.ballot.record.DecryptedTallyOrBallot;
import org.madang.ballot.record.RecordJson;
import org.madang.election.control.ElectionCryptography;
import org.madang.election.control.ElectionRecords;
import org.madang.election.control.Elections;
import org.madang.election.control.ManifestForm;
import org.madang.election.control.VoterRoll;
import org.madang.election.entity.Election;
import org.madang.platform.auth.Role;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** The tally's progress, the published record (file by file or as one zip), and the results. */
@Path("elections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    @Inject
    Elections elections;

    @Inject
    ElectionRecords records;

    @Inject
    VoterRoll roll;

    @Context
    SecurityContext security;

    /** {@code state} is RUNNING until the encrypted tally is complete, then DONE. */
    public record TallyView(String state, long ballotsAdded, long ballotsTotal, boolean tallied, boolean decrypted) {
    }

    public record RecordFiles(List<String> files) {
    }

    public record OptionResult(String id, String nameKo, String nameEn, long votes) {
    }

    public record ContestResult(String id, String titleKo, String titleEn, String kind, long ballots, List<OptionResult> options) {
    }

    public record Turnout(long eligible, long counted) {
    }

    public record Results(UUID electionId, List<ContestResult> contests, Turnout turnout) {
    }

    @GET
    @Path("{id}/tally")
    @PermitAll
    public TallyView tally(@PathParam("id") UUID id) {
        Election e = elections.visible(id, staff());
        if (e.state().ordinal() < Election.State.TALLYING.ordinal() || (e.state() == Election.State.CANCELLED && e.tallyJson() == null)) {
            throw new ProblemException(ProblemType.CONFLICT, "election.notTallying");
        }
        return new TallyView(e.tallyJson() == null ? "RUNNING" : "DONE", e.tallyProgress(), e.tallyTotal(), e.tallyJson() != null, e.resultJson() != null);
    }

    /**
     * What a voter's device needs to encrypt (constants, manifest, config, election_initialized), exactly as they will
     * appear in the record; public once the key ceremony is complete.
     */
    @GET
    @Path("{id}/documents/{name}")
    @PermitAll
    public Response document(@PathParam("id") UUID id, @PathParam("name") String name) {
        Election e = elections.visible(id, staff());
        if (e.initializedJson() == null) throw new ProblemException(ProblemType.CONFLICT, "election.ceremonyIncomplete");
        String json = switch (name) {
            case "constants.json" -> org.madang.ballot.json.JsonWriter.write(RecordJson.write(ElectionCryptography.group(e.groupName()).constants()));
            case "manifest.json" -> e.manifestJson();
            case "election_config.json" -> e.configJson();
            case "election_initialized.json" -> e.initializedJson();
            default -> throw ProblemException.notFound("document");
        };
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}/record")
    @PermitAll
    public RecordFiles files(@PathParam("id") UUID id) {
        published(id);
        return new RecordFiles(records.paths(id));
    }

    @GET
    @Path("{id}/record/{path: .+}")
    @PermitAll
    public Response file(@PathParam("id") UUID id, @PathParam("path") String path) {
        published(id);
        return Response.ok(records.file(id, path).orElseThrow(() -> ProblemException.notFound("file")), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}/record.zip")
    @PermitAll
    @Produces("application/zip")
    public Response zip(@PathParam("id") UUID id) {
        published(id);
        StreamingOutput body = out -> records.zip(id, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"election-" + id + "-record.zip\"").build();
    }

    @GET
    @Path("{id}/results")
    @PermitAll
    public Results results(@PathParam("id") UUID id) {
        Election e = published(id);
        ManifestForm form = Elections.form(e);
        try {
            var result = (JsonValue.JsonObject) JsonReader.parse(e.resultJson(), JsonReader.Limits.RECORD);
            DecryptedTallyOrBallot tally = RecordJson.readDecrypted(ElectionCryptography.group(e.groupName()),
                    result.members().get("tally"), "tally.json");
            List<ContestResult> contests = new ArrayList<>();
            for (ManifestForm.Contest spec : form.contests()) {
                var decrypted = tally.contests().stream().filter(c -> c.contestId().equals(spec.id())).findFirst();
                List<OptionResult> options = new ArrayList<>();
                for (ManifestForm.Option option : spec.options()) {
                    long votes = decrypted.flatMap(c -> c.selections().stream().filter(s -> s.selectionId().equals(option.id())).findFirst())
                            .map(DecryptedTallyOrBallot.Selection::tally).orElse(0);
                    options.add(new OptionResult(option.id(), option.nameKo(), option.nameEn(), votes));
                }
                contests.add(new ContestResult(spec.id(), spec.titleKo(), spec.titleEn(), spec.kind().name(),
                        decrypted.map(DecryptedTallyOrBallot.Contest::ballotCount).orElse(0), options));
            }
            return new Results(id, contests, new Turnout(roll.count(id, false), records.countedBallots(id)));
        } catch (org.madang.ballot.json.JsonException | org.madang.ballot.record.RecordFormatException ex) {
            throw new IllegalStateException("stored result does not parse", ex);
        }
    }

    private Election published(UUID id) {
        Election e = elections.visible(id, staff());
        if (e.state() != Election.State.PUBLISHED) throw new ProblemException(ProblemType.CONFLICT, "election.notPublished");
        return e;
    }

    private boolean staff() {
        return security.isUserInRole(Role.ELECTION_ADMIN_NAME) || security.isUserInRole(Role.AUDITOR_NAME);
    }
}
