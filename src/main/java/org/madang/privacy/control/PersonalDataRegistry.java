package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;

/** Every feature's {@link PersonalDataHolder}, found by CDI: the inventory and the export are built from them all. */
@ApplicationScoped
public class PersonalDataRegistry {

    @Inject
    Instance<PersonalDataHolder> holders;

    Clock clock = Clock.systemUTC();

    public record Section(String section, List<PersonalDataField> fields) {
    }

    /** The privacy notice: each feature's declared fields. */
    public List<Section> inventory() {
        return holders().stream().map(h -> new Section(h.section(), h.fields())).toList();
    }

    /** Everything held about the person, a section per feature. */
    @Transactional(Transactional.TxType.REQUIRED)
    public JsonObject export(UUID accountId) {
        var sections = Json.createObjectBuilder();
        for (var holder : holders()) sections.add(holder.section(), holder.export(accountId));
        return Json.createObjectBuilder()
                .add("subject", accountId.toString())
                .add("generatedAt", clock.instant().toString())
                .add("sections", sections)
                .build();
    }

    /** In erasure order: features first, the platform's accounts last. */
    public List<PersonalDataHolder> holders() {
        return holders.stream().sorted(Comparator.comparingInt(PersonalDataHolder::erasureOrder)
                .thenComparing(PersonalDataHolder::section)).toList();
    }
}
