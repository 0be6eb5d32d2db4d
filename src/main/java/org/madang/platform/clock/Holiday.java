package org.madang.platform.clock;

import java.time.LocalDate;

/** A public holiday: a day that is neither counted as a working day nor allowed to end a statutory period. */
public record Holiday(LocalDate date, String nameKo, String nameEn) {
}
