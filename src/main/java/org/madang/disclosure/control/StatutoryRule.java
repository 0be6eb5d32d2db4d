package org.madang.disclosure.control;

/**
 * The periods of the Official Information Disclosure Act, in days counted under the Civil Act. The defaults are the
 * statute's; each can be overridden with a system property or environment variable (e.g.
 * {@code MADANG_DISCLOSURE_DECISION_DAYS=10}) should the law change, without a release.
 */
public enum StatutoryRule {
    DECISION(10, "정보공개법 제11조 제1항(공개 여부 결정)", "Information Disclosure Act Art. 11(1) (decision)"),
    DECISION_EXTENSION(10, "정보공개법 제11조 제2항(결정기간 연장, 1회)", "Art. 11(2) (one extension of the decision period)"),
    THIRD_PARTY_OBJECTION(3, "정보공개법 제21조 제1항(제3자의 비공개 요청)", "Art. 21(1) (third party's objection)"),
    THIRD_PARTY_WAIT(30, "정보공개법 제21조 제3항(제3자 반대 시 공개 실시까지의 기간)", "Art. 21(3) (wait before disclosure against a third party's objection)"),
    OBJECTION(30, "정보공개법 제18조 제1항(이의신청)", "Art. 18(1) (requester's objection)"),
    OBJECTION_DECISION(7, "정보공개법 제18조 제3항(이의신청 결정)", "Art. 18(3) (decision on the objection)"),
    OBJECTION_EXTENSION(7, "정보공개법 제18조 제3항 단서(이의신청 결정기간 연장)", "Art. 18(3) proviso (extension of the objection decision)"),
    APPEAL(90, "정보공개법 제19조, 행정심판법 제27조(행정심판 청구)", "Art. 19 and Administrative Appeals Act Art. 27 (administrative appeal)");

    private final int defaultDays;
    private final String nameKo;
    private final String nameEn;

    StatutoryRule(int defaultDays, String nameKo, String nameEn) {
        this.defaultDays = defaultDays;
        this.nameKo = nameKo;
        this.nameEn = nameEn;
    }

    public int days() {
        String key = "MADANG_DISCLOSURE_" + name() + "_DAYS";
        String configured = System.getProperty(key, System.getenv(key));
        if (configured == null) return defaultDays;
        try {
            int days = Integer.parseInt(configured.strip());
            return days >= 1 && days <= 365 ? days : defaultDays;
        } catch (NumberFormatException e) {
            return defaultDays;
        }
    }

    public String label() {
        return nameKo + " / " + nameEn;
    }

    public String nameKo() { return nameKo; }
    public String nameEn() { return nameEn; }
}
