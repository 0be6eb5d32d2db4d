package org.madang.disclosure.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.madang.disclosure.control.DisclosureClock;
import org.madang.disclosure.entity.DisclosureDocument;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.clock.Deadline;
import org.madang.platform.organisation.entity.Organisation;

/**
 * A request as shown to anyone who may see it. It carries no personal data of the requester (no name, no e-mail,
 * no account id); {@code mine} tells the requester which requests are theirs.
 */
public record RequestView(String reference, AgencyView agency, String subject, String description, String preferredForm,
                          boolean stayPrivate, String status, Instant receivedAt, Instant acknowledgedAt,
                          Instant extendedAt, String extensionReason, Instant decidedAt, String decision,
                          GroundView ground, String decisionReason, String redactions, boolean deemedRefusal,
                          Instant objectedAt, String objectionText, Instant objectionExtendedAt,
                          Instant objectionDecidedAt, String objectionOutcome, String objectionReason,
                          List<DueView> deadlines, boolean overdue, boolean mine, int version,
                          List<DocumentView> documents, Instant clarificationRequestedAt, String clarificationQuestion,
                          Instant clarifiedAt, String clarificationAnswer, int clarificationPausedDays,
                          AgencyView transferredFrom, Instant transferredAt, String transferReason,
                          List<ThirdPartyView> thirdParties) {

    /** A third party notified of the request; who they are and what they said is shown to the agency's staff only. */
    public record ThirdPartyView(UUID id, String name, Instant notifiedAt, Instant objectedAt, String objectionReason) {
        static ThirdPartyView of(ThirdPartyNotice n, boolean staff) {
            return new ThirdPartyView(n.id(), staff ? n.name() : null, n.notifiedAt(), n.objectedAt(), staff ? n.objectionReason() : null);
        }
    }

    /** A released document: its redacted rendering is fetched from {@code href}; the view carries no text. */
    public record DocumentView(UUID id, String title, String mediaType, int sizeBytes, int redactedPassages,
                               List<String> grounds, Instant attachedAt, String href) {
        static DocumentView of(String reference, DisclosureDocument d) {
            return new DocumentView(d.id(), d.title(), d.mediaType(), d.sizeBytes(), d.redactedCount(),
                    d.grounds().isEmpty() ? List.of() : List.of(d.grounds().split(",")), d.attachedAt(),
                    "/api/disclosure/requests/" + reference + "/documents/" + d.id());
        }
    }

    public record AgencyView(UUID id, String nameKo, String nameEn) {
    }

    public record GroundView(String code, int item, String nameKo, String nameEn) {
        static GroundView of(ExemptionGround g) {
            return g == null ? null : new GroundView(g.name(), g.item(), g.nameKo(), g.nameEn());
        }
    }

    public record PushedView(LocalDate date, String reasonKo, String reasonEn) {
    }

    public record DueView(String kind, String rule, Instant startedAt, int days, LocalDate nominalLastDay,
                          LocalDate lastDay, Instant endsAt, List<PushedView> pushedBy, String explanationKo,
                          String explanationEn, boolean open, boolean overdue) {
        static DueView of(DisclosureClock.Due due) {
            Deadline d = due.deadline();
            return new DueView(due.kind(), d.rule(), d.startedAt(), d.days(), d.nominalLastDay(), d.lastDay(), d.endsAt(),
                    d.pushedBy().stream().map(p -> new PushedView(p.date(), p.reasonKo(), p.reasonEn())).toList(),
                    d.explanationKo(), d.explanationEn(), due.open(), due.overdue());
        }
    }

    static RequestView of(DisclosureRequest r, Organisation agency, List<DisclosureClock.Due> dues, boolean mine,
                          List<DisclosureDocument> documents, int pausedDays, Organisation transferredFrom,
                          List<ThirdPartyNotice> thirdParties, boolean staff) {
        var deadlines = dues.stream().map(DueView::of).toList();
        return new RequestView(r.reference(), new AgencyView(agency.id(), agency.nameKo(), agency.nameEn()), r.subject(),
                r.description(), r.preferredForm().name(), r.privateRequest(), r.status().name(), r.receivedAt(),
                r.acknowledgedAt(), r.extendedAt(), r.extensionReason(), r.decidedAt(),
                r.decision() == null ? null : r.decision().name(), GroundView.of(r.exemptionGround()), r.decisionReason(),
                r.redactions(), r.deemedRefusal(), r.objectedAt(), r.objectionText(), r.objectionExtendedAt(),
                r.objectionDecidedAt(), r.objectionOutcome() == null ? null : r.objectionOutcome().name(),
                r.objectionReason(), deadlines, deadlines.stream().anyMatch(DueView::overdue), mine, r.version(),
                documents.stream().map(d -> DocumentView.of(r.reference(), d)).toList(), r.clarificationRequestedAt(),
                r.clarificationQuestion(), r.clarifiedAt(), r.clarificationAnswer(), pausedDays,
                transferredFrom == null ? null : new AgencyView(transferredFrom.id(), transferredFrom.nameKo(), transferredFrom.nameEn()),
                r.transferredAt(), r.transferReason(), thirdParties.stream().map(n -> ThirdPartyView.of(n, staff)).toList());
    }
}
