package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Status;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.account.entity.AccountToken;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.mail.control.MailOutbox;
import org.madang.platform.organisation.control.Organisations;

/**
 * Hearing third parties (Art. 11(3), 21): the agency notifies a person the requested information concerns, by an
 * e-mail with a link; through it they may ask, within 3 days, that it not be disclosed. The link carries a random
 * secret of which only the SHA-256 is kept, so it works without an account.
 */
@ApplicationScoped
public class ThirdPartyConsultations {

    public static final int MAX_PER_REQUEST = 20;

    /** A notice with its request, as its holder sees it through the link. */
    public record Consultation(DisclosureRequest request, ThirdPartyNotice notice) {
    }

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    DisclosureRequests requests;

    @Inject
    HolidayStore holidays;

    @Inject
    Organisations organisations;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "madang.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Transactional
    public DisclosureRequest notify(SignedInCaller official, String reference, String name, String email) {
        var request = requests.forAgency(official, reference);
        DisclosureRequests.requireState(request, Status.RECEIVED, Status.ACKNOWLEDGED, Status.AWAITING_CLARIFICATION);
        if (of(request.id()).size() >= MAX_PER_REQUEST) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.tooManyThirdParties", MAX_PER_REQUEST);
        }
        String secret = AccountToken.newSecret();
        Instant now = requests.now();
        var notice = new ThirdPartyNotice(request.id(), name.strip(), email.strip(), AccountToken.hash(secret), now);
        em.persist(notice);
        var agency = organisations.byId(request.agencyId());
        var window = DisclosureClock.thirdPartyObjection(now, holidays.calendar());
        outbox.enqueue(notice.email(), "[마당] 제3자 의견 청취 안내 / A disclosure request concerns you: " + request.reference(),
                """
                %1$s 님, %2$s에 접수된 정보공개청구 %3$s(%4$s)의 대상 정보에 귀하에 관한 정보가 포함되어 있어, 제3자인 귀하의 의견을 듣고자 알려 드립니다(정보공개법 제11조 제3항).
                공개를 원하지 않으시면 %5$s까지 아래 주소에서 비공개를 요청하실 수 있습니다(제21조 제1항).
                %6$s

                A request for information held by %7$s (%3$s: %4$s) concerns you (Information Disclosure Act Art. 11(3)).
                If you do not want it disclosed, you may ask for non-disclosure until the end of %5$s at the address above (Art. 21(1)).
                """.formatted(notice.name(), agency.nameKo(), request.reference(), request.subject(), window.lastDay(),
                        publicUrl + "/information/third-party.html#token=" + secret, agency.nameEn()));
        // the audit names the notice, never the third party
        audit.record(official.getName(), "disclosure.thirdPartyNotified", "disclosure:" + request.reference(), notice.id().toString());
        return request;
    }

    /** The notice behind a link's secret; 404 for an unknown one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Consultation byToken(String secret) {
        var found = em.createQuery("SELECT n FROM ThirdPartyNotice n WHERE n.tokenHash = :h", ThirdPartyNotice.class)
                .setParameter("h", AccountToken.hash(secret)).getResultList();
        if (found.isEmpty()) throw ProblemException.notFound("third-party notice");
        var notice = found.get(0);
        return new Consultation(em.find(DisclosureRequest.class, notice.requestId()), notice);
    }

    /** The third party asks that the information not be disclosed (Art. 21(1)): only once, within their days. */
    @Transactional
    public Consultation object(String secret, String reason) {
        var consultation = byToken(secret);
        var request = consultation.request();
        em.lock(request, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(consultation.notice());
        Instant now = requests.now();
        if (consultation.notice().objected()) throw new ProblemException(ProblemType.CONFLICT, "disclosure.alreadyObjected");
        if (!DisclosureClock.thirdPartyMayObject(request, consultation.notice(), holidays.calendar(), now)) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.periodOver");
        }
        consultation.notice().object(now, reason.strip());
        audit.record("third-party:" + consultation.notice().id(), "disclosure.thirdPartyObjected", "disclosure:" + request.reference(), "");
        return consultation;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ThirdPartyNotice> of(UUID requestId) {
        return ofAll(List.of(requestId)).getOrDefault(requestId, List.of());
    }

    /** The notices of many requests in one query, for lists of requests. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<ThirdPartyNotice>> ofAll(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) return Map.of();
        return em.createQuery("SELECT n FROM ThirdPartyNotice n WHERE n.requestId IN :r ORDER BY n.notifiedAt, n.id", ThirdPartyNotice.class)
                .setParameter("r", requestIds).getResultList().stream()
                .collect(Collectors.groupingBy(ThirdPartyNotice::requestId));
    }
}
