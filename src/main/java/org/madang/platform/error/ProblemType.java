package org.madang.platform.error;

import java.net.URI;

/** The stable problem types of the API (RFC 9457), each with its HTTP status and Korean and English titles. */
public enum ProblemType {
    VALIDATION("validation", 400, "입력값이 올바르지 않습니다", "The request contains invalid values"),
    MALFORMED_REQUEST("malformed-request", 400, "요청을 해석할 수 없습니다", "The request could not be read"),
    UNAUTHENTICATED("unauthenticated", 401, "로그인이 필요합니다", "Sign-in required"),
    BAD_CREDENTIALS("bad-credentials", 401, "이메일 또는 비밀번호가 올바르지 않습니다", "Wrong e-mail or password"),
    MFA_REQUIRED("mfa-required", 401, "2단계 인증 코드가 필요합니다", "Two-factor code required"),
    CSRF("csrf", 403, "요청 위조 방지 토큰이 없거나 다릅니다", "Missing or wrong CSRF token"),
    FORBIDDEN("forbidden", 403, "권한이 없습니다", "You are not allowed to do this"),
    NOT_FOUND("not-found", 404, "찾을 수 없습니다", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "허용되지 않는 요청 방식입니다", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "요청한 형식으로 응답할 수 없습니다", "Not acceptable"),
    CONFLICT("conflict", 409, "현재 상태와 충돌합니다", "Conflicts with the current state"),
    STALE_VERSION("stale-version", 409, "다른 사람이 먼저 수정했습니다", "Someone else changed this first"),
    GONE("gone", 410, "더 이상 유효하지 않습니다", "No longer valid"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "요청 본문이 너무 큽니다", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "지원하지 않는 콘텐츠 형식입니다", "Unsupported content type"),
    UNPROCESSABLE("unprocessable", 422, "요청 내용을 받아들일 수 없습니다", "The request was understood but its content is refused"),
    LOCKED("locked", 423, "계정이 일시적으로 잠겼습니다", "Account temporarily locked"),
    RATE_LIMITED("rate-limited", 429, "요청이 너무 많습니다", "Too many requests"),
    INTERNAL("internal", 500, "서버 오류가 발생했습니다", "Internal server error"),
    UNAVAILABLE("unavailable", 503, "서비스를 일시적으로 사용할 수 없습니다", "Service temporarily unavailable");

    public static final String BASE = "https://madang.example/problems/";

    private final String slug;
    private final int status;
    private final String titleKo;
    private final String titleEn;

    ProblemType(String slug, int status, String titleKo, String titleEn) {
        this.slug = slug;
        this.status = status;
        this.titleKo = titleKo;
        this.titleEn = titleEn;
    }

    public URI uri() { return URI.create(BASE + slug); }
    public String slug() { return slug; }
    public int status() { return status; }
    public String title(boolean korean) { return korean ? titleKo : titleEn; }

    public static ProblemType forStatus(int status) {
        for (var type : values()) {
            if (type.status == status) return type;
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
