package org.madang.disclosure.entity;

/** Grounds for not disclosing, Official Information Disclosure Act Article 9(1), items 1–8. */
public enum ExemptionGround {
    ITEM_1("다른 법률 또는 법률이 위임한 명령에 따라 비밀이나 비공개 사항으로 규정된 정보",
            "Information kept secret or non-public under another Act or an order delegated by an Act"),
    ITEM_2("국가안전보장·국방·통일·외교관계 등에 관한 사항으로서 국가의 중대한 이익을 현저히 해칠 우려가 있는 정보",
            "National security, defence, unification or diplomatic relations, where disclosure could seriously harm vital national interests"),
    ITEM_3("국민의 생명·신체 및 재산의 보호에 현저한 지장을 초래할 우려가 있는 정보",
            "Disclosure could seriously impede the protection of people's lives, bodies or property"),
    ITEM_4("진행 중인 재판, 범죄의 예방·수사, 공소의 제기 등에 관한 사항",
            "Pending trials, crime prevention and investigation, prosecution and related matters"),
    ITEM_5("감사·감독·검사·시험·규제·입찰계약·기술개발·인사관리 또는 의사결정 과정 및 내부검토 과정에 있는 사항",
            "Audits, inspections, tests, regulation, tenders, research, personnel management, or matters in decision-making or internal review"),
    ITEM_6("성명·주민등록번호 등 개인에 관한 사항으로서 사생활의 비밀 또는 자유를 침해할 우려가 있는 정보",
            "Personal information (names, resident numbers, ...) whose disclosure could infringe privacy or freedom"),
    ITEM_7("법인·단체 또는 개인의 경영상·영업상 비밀로서 정당한 이익을 현저히 해칠 우려가 있는 정보",
            "Business or trade secrets of a corporation, organisation or person whose legitimate interests disclosure could seriously harm"),
    ITEM_8("공개될 경우 부동산 투기, 매점매석 등으로 특정인에게 이익 또는 불이익을 줄 우려가 있는 정보",
            "Disclosure could give a particular person an advantage or disadvantage through property speculation, hoarding and the like");

    private final String nameKo;
    private final String nameEn;

    ExemptionGround(String nameKo, String nameEn) {
        this.nameKo = nameKo;
        this.nameEn = nameEn;
    }

    public int item() { return ordinal() + 1; }
    public String nameKo() { return "제9조 제1항 제" + item() + "호: " + nameKo; }
    public String nameEn() { return "Art. 9(1) item " + item() + ": " + nameEn; }
}
