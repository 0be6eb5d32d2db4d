package org.madang.platform.personaldata;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.madang.platform.error.ProblemException;

/**
 * Refuses a read of personal data whose caller stated no purpose. Runs after authorisation, so a caller who may not
 * read at all still gets 401/403, not a hint about the header. The header may be percent-encoded (UTF-8), since
 * HTTP header values are Latin-1 and purposes are often Korean.
 */
@Provider
@AccessPurposeRequired
@Priority(Priorities.USER)
public class AccessPurposeFilter implements ContainerRequestFilter {

    public static final int MIN_LENGTH = 5, MAX_LENGTH = 300;

    @Inject
    StatedAccessPurpose stated;

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getHeaderString(PersonalDataAccess.PURPOSE_HEADER);
        String purpose = raw == null ? null : decode(raw.strip());
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.invalid(PersonalDataAccess.PURPOSE_HEADER, "privacy.purpose.missing");
        }
        if (purpose.length() < MIN_LENGTH || purpose.length() > MAX_LENGTH || purpose.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(PersonalDataAccess.PURPOSE_HEADER, "privacy.purpose.size", MIN_LENGTH, MAX_LENGTH);
        }
        stated.state(purpose);
    }

    private static String decode(String header) {
        if (header.length() > MAX_LENGTH * 9) return header;
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return header;
        }
    }
}
