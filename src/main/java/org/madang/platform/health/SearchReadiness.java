package org.madang.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.madang.platform.search.SearchIndex;

/** Ready means the search index is open and Korean analysis works (Nori's dictionaries loaded). */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    @Inject
    SearchIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search").status(index.ready()).build();
    }
}
