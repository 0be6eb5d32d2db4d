package org.madang.platform.error;

import java.util.List;

/**
 * Thrown by services to refuse a request. The detail is a message key (in {@code messages*.properties}) with
 * arguments, so that the response speaks the caller's language.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final Object[] arguments;
    private final List<FieldError> fieldErrors;

    public ProblemException(ProblemType type, String detailKey, Object... arguments) {
        this(type, List.of(), detailKey, arguments);
    }

    public ProblemException(ProblemType type, List<FieldError> fieldErrors, String detailKey, Object... arguments) {
        super(type.slug() + ": " + detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.arguments = arguments;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ProblemType type() { return type; }
    public String detailKey() { return detailKey; }
    public Object[] arguments() { return arguments.clone(); }
    public List<FieldError> fieldErrors() { return fieldErrors; }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, "notFound", what);
    }

    public static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN, "forbidden");
    }

    public static ProblemException invalid(String field, String messageKey, Object... arguments) {
        return new ProblemException(ProblemType.VALIDATION, List.of(new FieldError(field, messageKey, arguments)),
                "validation.fields");
    }

    /** A field error whose message is a key into the messages, resolved in the caller's language. */
    public record FieldError(String field, String messageKey, Object... arguments) {
    }
}
