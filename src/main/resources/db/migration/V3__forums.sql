-- E-forums (forum, posts: a thread is its root post) and the platform's generic moderation (flags, decisions,
-- appeals, public log) that any feature's content can use by (content_kind, content_id).

CREATE TABLE forum (
    id               UUID PRIMARY KEY,
    title_ko         VARCHAR(200) NOT NULL,
    title_en         VARCHAR(200) NOT NULL,
    description      VARCHAR(4000) NOT NULL,
    organisation_id  UUID REFERENCES organisation (id),
    stance_required  BOOLEAN NOT NULL,
    residents_only   BOOLEAN NOT NULL,
    created_by       UUID NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX forum_created_idx ON forum (created_at, id);

-- depth 0 is the thread itself (it has a title); replies have depth 1..3 and thread_id = their root's id
CREATE TABLE forum_post (
    id               UUID PRIMARY KEY,
    forum_id         UUID NOT NULL REFERENCES forum (id),
    thread_id        UUID NOT NULL,
    parent_id        UUID REFERENCES forum_post (id),
    depth            INTEGER NOT NULL,
    title            VARCHAR(200),
    body_markdown    TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    body_hash        VARCHAR(64) NOT NULL,
    author_id        UUID NOT NULL REFERENCES account (id),
    author_name      VARCHAR(100) NOT NULL,
    stance           VARCHAR(10),
    state            VARCHAR(10) NOT NULL,
    deleted          BOOLEAN NOT NULL DEFAULT FALSE,
    agree_count      INTEGER NOT NULL DEFAULT 0,
    disagree_count   INTEGER NOT NULL DEFAULT 0,
    reply_count      INTEGER NOT NULL DEFAULT 0,
    revisions        INTEGER NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at        TIMESTAMP WITH TIME ZONE,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT forum_post_depth CHECK (depth >= 0 AND depth <= 3),
    CONSTRAINT forum_post_stance CHECK (stance IS NULL OR stance IN ('FOR', 'AGAINST', 'NEUTRAL')),
    CONSTRAINT forum_post_state CHECK (state IN ('VISIBLE', 'HIDDEN', 'REMOVED'))
);
CREATE INDEX forum_post_threads ON forum_post (forum_id, depth, created_at, id);
CREATE INDEX forum_post_thread ON forum_post (thread_id, created_at, id);
CREATE INDEX forum_post_author ON forum_post (author_id, created_at);

-- the text a post had before each edit, kept and shown
CREATE TABLE forum_post_revision (
    id             UUID PRIMARY KEY,
    post_id        UUID NOT NULL REFERENCES forum_post (id),
    title          VARCHAR(200),
    body_markdown  TEXT NOT NULL,
    body_html      TEXT NOT NULL,
    written_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX forum_post_revision_post ON forum_post_revision (post_id, replaced_at);

-- one reaction per person per post: the primary key is the rule
CREATE TABLE forum_reaction (
    post_id     UUID NOT NULL REFERENCES forum_post (id),
    account_id  UUID NOT NULL REFERENCES account (id),
    kind        VARCHAR(10) NOT NULL,
    reacted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (post_id, account_id),
    CONSTRAINT forum_reaction_kind CHECK (kind IN ('AGREE', 'DISAGREE'))
);

CREATE TABLE forum_follow (
    thread_id    UUID NOT NULL REFERENCES forum_post (id),
    account_id   UUID NOT NULL REFERENCES account (id),
    followed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (thread_id, account_id)
);
CREATE INDEX forum_follow_account ON forum_follow (account_id);

CREATE TABLE forum_digest_preference (
    account_id      UUID PRIMARY KEY REFERENCES account (id),
    mode            VARCHAR(10) NOT NULL,
    last_digest_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT forum_digest_mode CHECK (mode IN ('IMMEDIATE', 'DAILY', 'OFF'))
);

CREATE TABLE forum_attachment (
    id            UUID PRIMARY KEY,
    post_id       UUID NOT NULL REFERENCES forum_post (id),
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(50) NOT NULL,
    size_bytes    BIGINT NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    content       BYTEA NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX forum_attachment_post ON forum_attachment (post_id);

-- ---- moderation (platform) ----

CREATE TABLE moderation_flag (
    id            UUID PRIMARY KEY,
    content_kind  VARCHAR(40) NOT NULL,
    content_id    UUID NOT NULL,
    flagger_id    UUID NOT NULL REFERENCES account (id),
    reason        VARCHAR(30) NOT NULL,
    note          VARCHAR(1000) NOT NULL,
    flagged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT moderation_flag_once UNIQUE (content_kind, content_id, flagger_id),
    CONSTRAINT moderation_flag_reason CHECK (reason IN ('SPAM', 'ABUSE', 'PERSONAL_INFORMATION', 'OFF_TOPIC', 'ILLEGAL'))
);

-- one case per piece of content: pending while it waits in the queue
CREATE TABLE moderation_case (
    id            UUID PRIMARY KEY,
    content_kind  VARCHAR(40) NOT NULL,
    content_id    UUID NOT NULL,
    author_id     UUID NOT NULL,
    pending       BOOLEAN NOT NULL,
    auto_hidden   BOOLEAN NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version       INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT moderation_case_content UNIQUE (content_kind, content_id)
);
CREATE INDEX moderation_case_queue ON moderation_case (pending, opened_at);

CREATE TABLE moderation_decision (
    id                 UUID PRIMARY KEY,
    case_id            UUID NOT NULL REFERENCES moderation_case (id),
    content_kind       VARCHAR(40) NOT NULL,
    content_id         UUID NOT NULL,
    author_id          UUID NOT NULL,
    outcome            VARCHAR(20) NOT NULL,
    rule_code          VARCHAR(30) NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    suspended_until    TIMESTAMP WITH TIME ZONE,
    decided_by         UUID NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    appeal_text        VARCHAR(2000),
    appealed_at        TIMESTAMP WITH TIME ZONE,
    appeal_outcome     VARCHAR(20),
    appeal_reason      VARCHAR(2000),
    appeal_decided_by  UUID,
    appeal_decided_at  TIMESTAMP WITH TIME ZONE,
    version            INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT moderation_decision_outcome CHECK (outcome IN ('KEEP', 'HIDE', 'REMOVE', 'WARN_AUTHOR', 'SUSPEND_AUTHOR')),
    CONSTRAINT moderation_appeal_outcome CHECK (appeal_outcome IS NULL OR appeal_outcome IN ('UPHELD', 'OVERTURNED'))
);
CREATE INDEX moderation_decision_author ON moderation_decision (author_id, decided_at);

-- the public log: what happened to which content, when, by which role, under which rule; never who
CREATE TABLE moderation_log (
    id            UUID PRIMARY KEY,
    logged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    content_kind  VARCHAR(40) NOT NULL,
    content_id    UUID NOT NULL,
    action        VARCHAR(30) NOT NULL,
    actor_role    VARCHAR(20) NOT NULL,
    rule_code     VARCHAR(30) NOT NULL
);
CREATE INDEX moderation_log_time ON moderation_log (logged_at, id);
