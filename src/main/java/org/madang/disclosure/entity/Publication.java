package org.madang.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document an agency publishes of its own accord (proactive disclosure). Its files live in
 * {@link PublicationVersion}s; a withdrawn publication stays as a tombstone with the reason, so links to it keep
 * explaining what happened.
 */
@Entity
@Table(name = "publication")
public class Publication {

    public enum Kind { DECISION, REPORT, STATISTICS, MINUTES, DATASET }

    /** The subject areas of the catalogue, as the public data portal groups them. */
    public enum Category {
        ADMINISTRATION("일반행정", "General administration"),
        BUDGET("재정·예산", "Finance and budget"),
        ECONOMY("산업·경제", "Industry and economy"),
        EDUCATION("교육", "Education"),
        ENVIRONMENT("환경·기상", "Environment and weather"),
        HEALTH("보건·의료", "Health"),
        WELFARE("사회복지", "Social welfare"),
        TRANSPORT("교통·물류", "Transport"),
        CULTURE("문화·관광", "Culture and tourism"),
        SAFETY("재난·안전", "Disaster and safety");

        private final String nameKo;
        private final String nameEn;

        Category(String nameKo, String nameEn) {
            this.nameKo = nameKo;
            this.nameEn = nameEn;
        }

        public String nameKo() { return nameKo; }
        public String nameEn() { return nameEn; }
    }

    /** Korea Open Government Licence types 1-4 and Creative Commons. */
    public enum Licence {
        KOGL_1("공공누리 제1유형: 출처표시", "KOGL Type 1: attribution"),
        KOGL_2("공공누리 제2유형: 출처표시, 상업적 이용금지", "KOGL Type 2: attribution, non-commercial"),
        KOGL_3("공공누리 제3유형: 출처표시, 변경금지", "KOGL Type 3: attribution, no derivatives"),
        KOGL_4("공공누리 제4유형: 출처표시, 상업적 이용금지, 변경금지", "KOGL Type 4: attribution, non-commercial, no derivatives"),
        CC_BY("크리에이티브 커먼즈 저작자표시 4.0", "Creative Commons Attribution 4.0"),
        CC0("크리에이티브 커먼즈 CC0 (권리 포기)", "Creative Commons CC0 (public domain dedication)");

        private final String nameKo;
        private final String nameEn;

        Licence(String nameKo, String nameEn) {
            this.nameKo = nameKo;
            this.nameEn = nameEn;
        }

        public String nameKo() { return nameKo; }
        public String nameEn() { return nameEn; }
    }

    @Id
    private UUID id;
    @Column(name = "agency_id", nullable = false)
    private UUID agencyId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "title_ko", nullable = false)
    private String titleKo;
    @Column(name = "title_en", nullable = false)
    private String titleEn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;
    @Column(name = "published_on", nullable = false)
    private LocalDate publishedOn;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Column(nullable = false)
    private String language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Licence licence;
    @Column(nullable = false)
    private String description;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;
    @Version
    private int version;

    protected Publication() {
    }

    public Publication(UUID agencyId, Kind kind, String titleKo, String titleEn, Category category, LocalDate publishedOn,
                       String legalBasis, String language, Licence licence, String description, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.agencyId = agencyId;
        this.kind = kind;
        this.titleKo = titleKo;
        this.titleEn = titleEn;
        this.category = category;
        this.publishedOn = publishedOn;
        this.legalBasis = legalBasis;
        this.language = language;
        this.licence = licence;
        this.description = description;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void touched(Instant at) {
        updatedAt = at;
    }

    public void withdraw(Instant at, String reason) {
        withdrawnAt = at;
        withdrawalReason = reason;
        updatedAt = at;
    }

    public boolean withdrawn() { return withdrawnAt != null; }

    public UUID id() { return id; }
    public UUID agencyId() { return agencyId; }
    public Kind kind() { return kind; }
    public String titleKo() { return titleKo; }
    public String titleEn() { return titleEn; }
    public Category category() { return category; }
    public LocalDate publishedOn() { return publishedOn; }
    public String legalBasis() { return legalBasis; }
    public String language() { return language; }
    public Licence licence() { return licence; }
    public String description() { return description; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant withdrawnAt() { return withdrawnAt; }
    public String withdrawalReason() { return withdrawalReason; }
    public int version() { return version; }
}
