package org.madang.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madang.platform.personaldata.NotPersonalData;
import org.madang.platform.personaldata.PersonalData;
import org.madang.platform.personaldata.PersonalDataHolder;

/**
 * The inventory rule: every field of a JPA entity whose name has a personal-looking word in it (see
 * {@link #PERSONAL_WORDS}) is declared, either {@code @PersonalData} (what, why, legal basis, retention — it then
 * appears in the privacy notice) or {@code @NotPersonalData("why not")}. And no resident registration number
 * anywhere, in an entity or in the schema.
 */
class PersonalDataInventoryTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    /** Words of a field name (camelCase split, lower case) that suggest it holds something about a person. */
    static final Set<String> PERSONAL_WORDS = Set.of("name", "email", "mail", "phone", "mobile", "tel", "address", "birth",
            "birthday", "born", "age", "gender", "sex", "district", "ip", "agent", "recipient", "body", "text", "content",
            "comment", "message", "detail", "payload", "location", "postcode", "zip", "resident", "actor", "author",
            "nickname", "photo", "occupation", "income");

    /** Resident registration numbers (주민등록번호) may never be stored, under any spelling. */
    static final Pattern RESIDENT_NUMBER = Pattern.compile("(?i)(rrn|jumin|juminbunho|resident_?registration|resident_?reg_?no|residentnumber|resident_number|ssn|national_?id)");

    @Test
    void everyPersonalLookingEntityFieldIsDeclared() {
        var entities = entities();
        assertThat(entities).as("entities in " + CLASSES.toAbsolutePath()).hasSizeGreaterThan(5);
        var undeclared = new ArrayList<String>();
        for (var entity : entities) {
            for (Field field : entity.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) continue;
                boolean declared = field.isAnnotationPresent(PersonalData.class) || field.isAnnotationPresent(NotPersonalData.class);
                if (!declared && looksPersonal(field.getName())) undeclared.add(entity.getName() + "." + field.getName());
            }
        }
        assertThat(undeclared).as("""
                These entity fields look like personal data but are not declared. For each, add either
                  @PersonalData(what = ..., whatKo = ..., purpose = ..., legalBasis = ..., retention = ...)
                (it will be listed in the public privacy notice; then export and erase it in your feature's
                PersonalDataHolder), or @NotPersonalData("why it says nothing about a person"). Personal-looking
                words: %s""".formatted(PERSONAL_WORDS)).isEmpty();
    }

    @Test
    void everyDeclarationSaysWhatWhyAndHowLong() {
        for (var entity : entities()) {
            for (Field field : entity.getDeclaredFields()) {
                var declared = field.getAnnotation(PersonalData.class);
                if (declared == null) continue;
                assertThat(List.of(declared.what(), declared.whatKo(), declared.purpose(), declared.retention()))
                        .as(entity.getName() + "." + field.getName()).allSatisfy(text -> assertThat(text).isNotBlank());
            }
        }
    }

    @Test
    void noResidentRegistrationNumberInAnyEntityOrTable() throws IOException {
        for (var entity : entities()) {
            for (Field field : entity.getDeclaredFields()) {
                assertThat(RESIDENT_NUMBER.matcher(field.getName()).find())
                        .as(entity.getName() + "." + field.getName() + ": resident registration numbers must never be stored").isFalse();
            }
        }
        try (var files = Files.list(MIGRATIONS)) {
            for (var sql : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                // column and table names only: words followed by a type or in CREATE/ALTER statements
                for (String line : Files.readAllLines(sql)) {
                    String code = line.replaceAll("--.*", "").replaceAll("'[^']*'", "");
                    assertThat(RESIDENT_NUMBER.matcher(code).find()).as(sql + ": " + line).isFalse();
                }
            }
        }
    }

    @Test
    void theRuleSeesWordsInsideCamelCase() {
        assertThat(looksPersonal("residentDistrict")).isTrue();
        assertThat(looksPersonal("clientIp")).isTrue();
        assertThat(looksPersonal("userAgent")).isTrue();
        assertThat(looksPersonal("displayName")).isTrue();
        assertThat(looksPersonal("participating")).isFalse();
        assertThat(looksPersonal("description")).isFalse();
        assertThat(RESIDENT_NUMBER.matcher("jumin_no").find()).isTrue();
        assertThat(RESIDENT_NUMBER.matcher("residentRegistrationNumber").find()).isTrue();
    }

    static boolean looksPersonal(String fieldName) {
        return Arrays.stream(fieldName.split("(?<=[a-z0-9])(?=[A-Z])|_"))
                .map(word -> word.toLowerCase(Locale.ROOT))
                .anyMatch(PERSONAL_WORDS::contains);
    }

    @Test
    void everyEntityWithPersonalDataHasAHolderThatExportsAndErasesIt() throws ReflectiveOperationException {
        var covered = new java.util.TreeSet<String>();
        var holders = classes(PersonalDataHolder.class::isAssignableFrom).stream()
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers())).toList();
        assertThat(holders).hasSizeGreaterThan(3);
        for (var holder : holders) {
            var constructor = holder.getDeclaredConstructor();
            constructor.setAccessible(true);
            ((PersonalDataHolder) constructor.newInstance()).fields().forEach(f -> covered.add(f.table()));
        }
        var declaring = new java.util.TreeSet<String>();
        for (var entity : entities()) {
            if (Arrays.stream(entity.getDeclaredFields()).anyMatch(f -> f.isAnnotationPresent(PersonalData.class))) {
                var table = entity.getAnnotation(jakarta.persistence.Table.class);
                declaring.add(table == null ? entity.getSimpleName() : table.name());
            }
        }
        assertThat(covered).as("tables with @PersonalData fields that no PersonalDataHolder lists in fields() (so nothing exports or erases them)")
                .containsAll(declaring);
    }

    private static List<Class<?>> entities() {
        return classes(type -> type.isAnnotationPresent(Entity.class));
    }

    private static List<Class<?>> classes(java.util.function.Predicate<Class<?>> wanted) {
        var loader = Thread.currentThread().getContextClassLoader();
        try (var files = Files.walk(CLASSES)) {
            var entities = new ArrayList<Class<?>>();
            for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("org/madang/") || name.contains("-info")) continue;
                try {
                    var type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    if (wanted.test(type)) entities.add(type);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("Could not load " + name, e);
                }
            }
            return entities;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
