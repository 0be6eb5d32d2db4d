package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.madang.disclosure.entity.DisclosureDocument;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Decision;
import org.madang.disclosure.entity.DisclosureRequest.Form;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.disclosure.entity.ThirdPartyNotice;
import org.madang.platform.clock.control.HolidayStore;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;

/**
 * Demo requests to the demo agency in each state: new, extended, partly disclosed, privately filed and not held,
 * deemed refused, and an objection whose decision is overdue. The partly disclosed one has a released document
 * with two withheld passages; one request awaits the requester's clarification and one was clarified (its clock
 * paused three days); one was transferred to the agency by the ministry. A company was heard on the extended one and
 * has three days to answer; another company objected to a disclosure that now waits its 30 days.
 */
@ApplicationScoped
public class DisclosureDemo implements DemoContent {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    DisclosureRequests requests;

    @Inject
    HolidayStore holidays;

    @Override
    @Transactional
    public void add(DemoData.DemoPeople people) {
        var citizen = people.citizen().id();
        var resident = people.resident().id();
        var agency = people.agency().id();
        Instant now = Instant.now();

        filed(citizen, agency, "국가기록원 소장 1960년대 도시계획 도면 목록", Form.ELECTRONIC_FILE, false, now.minus(days(1)));

        var extended = filed(resident, agency, "2025년 기록물 폐기 심의 회의록", Form.COPY, false, now.minus(days(5)));
        extended.acknowledge(now.minus(days(4)));
        extended.extend(now.minus(days(2)), "회의록 12건의 제3자 의견 확인이 필요합니다.");
        em.persist(new ThirdPartyNotice(extended.id(), "주식회사 누리기록", "contact@nuri-records.example", unusableTokenHash(), now.minus(days(1))));

        var heard = filed(citizen, agency, "기록물 보존시설 위탁업체 점검 결과", Form.ELECTRONIC_FILE, false, now.minus(days(8)));
        heard.acknowledge(now.minus(days(7)));
        var objector = new ThirdPartyNotice(heard.id(), "주식회사 한빛보존", "legal@hanbit-preservation.example", unusableTokenHash(), now.minus(days(7)));
        objector.object(now.minus(days(6)), "점검 결과에 당사 보존설비의 배치도가 들어 있어 영업상 비밀에 해당합니다.");
        em.persist(objector);
        heard.decide(now.minus(days(2)), Decision.DISCLOSED, null,
                "배치도를 뺀 점검 결과는 공공기관 업무 감독에 관한 정보로서 공익을 위하여 공개할 필요가 있습니다.", null);

        var partly = filed(citizen, agency, "기록관리 민간위탁 계약서", Form.ELECTRONIC_FILE, false, now.minus(days(9)));
        partly.acknowledge(now.minus(days(8)));
        partly.decide(now.minus(days(3)), Decision.PARTLY_DISCLOSED, ExemptionGround.ITEM_7,
                "계약 단가는 수탁업체의 영업상 비밀에 해당합니다.", "제4조(계약 단가)와 별표 2(인건비 산출 내역)");
        var contract = RedactedText.render("""
                # 기록관리 민간위탁 계약서
                제1조(목적) 이 계약은 기록물 정리·보존 업무의 위탁에 관한 사항을 정한다.
                제4조(계약 단가) [[redact:ITEM_7]]1식 금 98,765,000원(인건비 71%, 장비 29%)[[/redact]]
                제5조(계약 기간) 2026년 1월 1일부터 2026년 12월 31일까지.
                수탁업체 담당자: [[redact:ITEM_6]]김민수 010-0000-0000[[/redact]]
                """);
        em.persist(new DisclosureDocument(partly.id(), "계약서 본문(부분공개)", "text/markdown", contract.text(),
                contract.passages(), contract.grounds(), now.minus(days(3))));

        var notHeld = filed(resident, agency, "외부 자문위원 명단", Form.VIEW, true, now.minus(days(12)));
        notHeld.decide(now.minus(days(6)), Decision.NOT_HELD, null, "해당 명단을 보유하고 있지 않습니다.", null);

        var unclear = filed(resident, agency, "기록물 관련 회의 자료 일체", Form.ELECTRONIC_FILE, false, now.minus(days(4)));
        unclear.acknowledge(now.minus(days(3)));
        unclear.askClarification(now.minus(days(2)), "어느 회의의 자료인지, 기간(예: 2025년 상반기)과 함께 특정해 주십시오.");

        var clarified = filed(citizen, agency, "보존기간 재책정 결과", Form.COPY, false, now.minus(days(8)));
        clarified.askClarification(now.minus(days(7)), "대상 기록물철의 범위를 알려 주십시오.");
        clarified.answerClarification(now.minus(days(4)), "2019년 생산 기록물철 전체입니다.", 3);

        // filed with the ministry, which is not competent: transferred to the demo agency two days later
        var transferred = filed(citizen, people.ministry().id(), "1970년대 행정구역 개편 관련 기록물 목록", Form.ELECTRONIC_FILE, false,
                now.minus(days(6)));
        transferred.transfer(now.minus(days(4)), agency, "해당 기록물은 국가기록원이 보존·관리하고 있어 소관 기관으로 이송합니다.");

        var deemed = filed(citizen, agency, "2024년 전자기록 이관 실적", Form.ELECTRONIC_FILE, false, now.minus(days(40)));
        deemed.deemRefused(DisclosureClock.decision(deemed, holidays.calendar()).endsAt());

        var overdueObjection = filed(resident, agency, "기록물 열람실 이용 통계", Form.ELECTRONIC_FILE, false, now.minus(days(45)));
        overdueObjection.decide(now.minus(days(35)), Decision.NOT_DISCLOSED, ExemptionGround.ITEM_5, "내부 검토 중인 통계입니다.", null);
        overdueObjection.object(now.minus(days(20)), "통계는 이미 확정되었으므로 공개되어야 합니다.");
    }

    private DisclosureRequest filed(java.util.UUID requester, java.util.UUID agency, String subject, Form form,
                                    boolean stayPrivate, Instant receivedAt) {
        var request = new DisclosureRequest(requests.nextReference(receivedAt), requester, agency, subject,
                subject + " 전부를 요청합니다.", form, stayPrivate, receivedAt);
        em.persist(request);
        // written at once: documents and notices pointing to it follow in this transaction, and with no JPA
        // relationship between them the provider may otherwise order their inserts first
        em.flush();
        return request;
    }

    /** Demo notices were never mailed, so their links have a secret nobody knows. */
    private static String unusableTokenHash() {
        return org.madang.platform.account.entity.AccountToken.hash(java.util.UUID.randomUUID().toString());
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }
}
