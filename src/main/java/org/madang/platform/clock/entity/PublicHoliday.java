package org.madang.platform.clock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.madang.platform.clock.Holiday;
import org.madang.platform.personaldata.NotPersonalData;

/** A row of the holiday calendar. */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday {

    @Id
    @Column(name = "holiday_date")
    private LocalDate date;
    @Column(name = "name_ko", nullable = false)
    @NotPersonalData("the name of a public holiday")
    private String nameKo;
    @Column(name = "name_en", nullable = false)
    @NotPersonalData("the name of a public holiday")
    private String nameEn;

    protected PublicHoliday() {
    }

    public PublicHoliday(LocalDate date, String nameKo, String nameEn) {
        this.date = date;
        this.nameKo = nameKo;
        this.nameEn = nameEn;
    }

    public Holiday toHoliday() {
        return new Holiday(date, nameKo, nameEn);
    }
}
