package org.madang.platform.personaldata;

import jakarta.persistence.Column;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One declared personal-data field, as the privacy notice lists it. */
public record PersonalDataField(String table, String column, String what, String whatKo, String purpose,
                                LegalBasis legalBasis, String retention, boolean protectedAtRest) {

    /** The {@link PersonalData} declarations of these entity classes, in field order. */
    public static List<PersonalDataField> declaredIn(Class<?>... entities) {
        var fields = new ArrayList<PersonalDataField>();
        for (var entity : entities) {
            var table = entity.getAnnotation(Table.class);
            String tableName = table == null ? entity.getSimpleName() : table.name();
            for (var field : entity.getDeclaredFields()) {
                var declared = field.getAnnotation(PersonalData.class);
                if (declared == null) continue;
                var column = field.getAnnotation(Column.class);
                String columnName = column == null || column.name().isEmpty() ? field.getName() : column.name();
                fields.add(new PersonalDataField(tableName, columnName, declared.what(), declared.whatKo(), declared.purpose(),
                        declared.legalBasis(), declared.retention(), declared.protectedAtRest()));
            }
        }
        return fields;
    }
}
