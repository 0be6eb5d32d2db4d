package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.madang.disclosure.entity.Publication.Category;
import org.madang.disclosure.entity.Publication.Kind;
import org.madang.disclosure.entity.Publication.Licence;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;

/**
 * The demo agency's catalogue: a decision, minutes, a report in English, statistics with a CSV file in two versions,
 * and a withdrawn dataset, so every state of the catalogue shows.
 */
@ApplicationScoped
public class PublicationDemo implements DemoContent {

    @Inject
    Publications publications;

    @Override
    @Transactional
    public void add(DemoData.DemoPeople people) {
        var agency = people.agency().id();
        var official = new SignedInCaller(people.agencyOfficial().id(), people.agencyOfficial().email(), "demo",
                List.of(Role.OFFICIAL.name()), Map.of(Role.OFFICIAL.name(), List.of(agency.toString())), List.of("pwd", "otp"),
                null, null, null);
        LocalDate today = LocalDate.now(org.madang.platform.clock.CivilPeriods.SEOUL);

        publications.publish(official, new Publications.Description(agency, Kind.DECISION, "2026년 기록물 공개 재분류 결정",
                "2026 decision on reclassifying records for disclosure", Category.ADMINISTRATION, today.minusDays(20),
                "공공기록물 관리에 관한 법률 제35조", "ko", Licence.KOGL_1,
                "비공개로 분류되었던 기록물 1,204건 중 812건을 공개로 재분류한 결정문입니다."), null);
        publications.publish(official, new Publications.Description(agency, Kind.MINUTES, "제3차 기록물관리위원회 회의록",
                "Minutes of the 3rd records management committee", Category.ADMINISTRATION, today.minusDays(12),
                "공공기관의 정보공개에 관한 법률 제7조", "ko", Licence.KOGL_1,
                "전자기록 장기보존 포맷 전환 계획과 민간위탁 범위를 심의했습니다."), null);
        publications.publish(official, new Publications.Description(agency, Kind.REPORT, "디지털 기록 보존 연례 보고서",
                "Annual report on digital records preservation", Category.CULTURE, today.minusDays(7), null, "en", Licence.CC_BY,
                "How the archives migrated 2.3 million electronic records to long-term preservation formats."), null);
        var statistics = publications.publish(official, new Publications.Description(agency, Kind.STATISTICS,
                "열람실 이용 통계", "Reading room visitor statistics", Category.CULTURE, today.minusDays(3), null, "ko",
                Licence.KOGL_1, "월별 열람실 방문자와 열람 기록물 수입니다."), "1월 통계");
        publications.attach(official, statistics.id(), "reading-room-2026-01.csv",
                "월,방문자,열람건수\n2026-01,1204,3380\n".getBytes(StandardCharsets.UTF_8));
        publications.addVersion(official, statistics.id(), "2월 통계 추가");
        publications.attach(official, statistics.id(), "reading-room-2026-02.csv",
                "월,방문자,열람건수\n2026-01,1204,3380\n2026-02,1122,3015\n".getBytes(StandardCharsets.UTF_8));
        var dataset = publications.publish(official, new Publications.Description(agency, Kind.DATASET, "기록물 소장 목록 데이터",
                "Dataset of records held", Category.ADMINISTRATION, today.minusDays(30), null, "ko", Licence.KOGL_4,
                "소장 기록물 목록(제목, 생산연도, 보존기간)입니다."), null);
        publications.withdraw(official, dataset.id(), "개인정보가 포함된 열이 발견되어 철회하고 정비 후 다시 공표합니다.");
    }
}
