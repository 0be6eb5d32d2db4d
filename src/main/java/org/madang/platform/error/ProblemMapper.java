package org.madang.platform.error;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.madang.platform.web.RequestId;

/**
 * Turns every failure into an RFC 9457 problem in the caller's language. Nothing escapes as an HTML error page or a
 * stack trace; unexpected failures are logged with the request id, which the response carries too.
 */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    /** How Yasson names a JSON property that the target record does not have. */
    private static final java.util.regex.Pattern UNKNOWN_PROPERTY =
            java.util.regex.Pattern.compile("Json property (\\S{1,100}) can not be mapped");

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(E exception) {
        Locale locale = Messages.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return problemFor(exception, locale).toResponse();
    }

    Problem problemFor(Throwable exception, Locale locale) {
        boolean korean = !Messages.ENGLISH.getLanguage().equals(locale.getLanguage());
        // a refusal of ours may arrive wrapped (by JSON-B, EJB, transactions): it wins over the wrappers
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                var fields = problem.fieldErrors().stream()
                        .map(f -> new Problem.Field(f.field(), Messages.text(locale, f.messageKey(), f.arguments())))
                        .toList();
                return problem(problem.type(), korean, Messages.text(locale, problem.detailKey(), problem.arguments()), fields);
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violations) {
                var fields = new ArrayList<Problem.Field>();
                violations.getConstraintViolations().stream()
                        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .forEach(v -> fields.add(new Problem.Field(fieldName(v.getPropertyPath().toString()),
                                localisedViolation(v, locale))));
                return problem(ProblemType.VALIDATION, korean, Messages.text(locale, "validation.fields"), fields);
            }
            if (cause instanceof ValidationException) {
                return problem(ProblemType.VALIDATION, korean, Messages.text(locale, "validation.fields"), List.of());
            }
            if (cause instanceof OptimisticLockException) {
                return problem(ProblemType.STALE_VERSION, korean, Messages.text(locale, "staleVersion"), List.of());
            }
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                var unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(cause.getMessage()));
                if (unknown.find()) {
                    String field = unknown.group(1);
                    return problem(ProblemType.VALIDATION, korean, Messages.text(locale, "validation.fields"),
                            List.of(new Problem.Field(field, Messages.text(locale, "unknownField", field))));
                }
                return problem(ProblemType.MALFORMED_REQUEST, korean, Messages.text(locale, "malformedJson", safeMessage(cause)), List.of());
            }
            if (cause instanceof WebApplicationException web) {
                int status = web.getResponse().getStatus();
                if (status < 500) {
                    var type = ProblemType.forStatus(status);
                    return problem(type, korean, Messages.text(locale, "http." + type.slug()), List.of());
                }
            }
        }
        if (exception instanceof ProcessingException) {
            return problem(ProblemType.MALFORMED_REQUEST, korean, Messages.text(locale, "malformedJson", ""), List.of());
        }
        LOG.log(Level.SEVERE, "Unexpected failure of request " + RequestId.current(), exception);
        return problem(ProblemType.INTERNAL, korean, Messages.text(locale, "internal", RequestId.current()), List.of());
    }

    private Problem problem(ProblemType type, boolean korean, String detail, List<Problem.Field> fields) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        return new Problem(type, type.title(korean), detail, instance, fields);
    }

    /** "signUp.arg0.email" becomes "email": clients know fields by their JSON names. */
    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * Our own constraint messages are "{madang.…}" keys; the standard constraints are worded by their type and
     * attributes, so the text follows the caller's language rather than the server's.
     */
    private static String localisedViolation(jakarta.validation.ConstraintViolation<?> violation, Locale locale) {
        String template = violation.getMessageTemplate();
        if (template.startsWith("{madang.") && template.endsWith("}")) {
            return Messages.text(locale, template.substring(1, template.length() - 1));
        }
        var descriptor = violation.getConstraintDescriptor();
        var attributes = descriptor.getAttributes();
        String key = "constraint." + descriptor.getAnnotation().annotationType().getSimpleName();
        String text = Messages.text(locale, key, attributes.getOrDefault("min", ""), attributes.getOrDefault("max", ""),
                attributes.getOrDefault("value", ""));
        return text.equals(key) ? violation.getMessage() : text;
    }

    /** JSON parser messages name positions and expected tokens; they never contain data worth hiding, but cap them. */
    private static String safeMessage(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    @Provider
    public static class ForThrowable extends ProblemMapper<Throwable> {
    }

    @Provider
    public static class ForWebApplication extends ProblemMapper<WebApplicationException> {
    }

    @Provider
    public static class ForValidation extends ProblemMapper<ValidationException> {
    }

    @Provider
    public static class ForJsonb extends ProblemMapper<JsonbException> {
    }

    @Provider
    public static class ForProcessing extends ProblemMapper<ProcessingException> {
    }
}
