-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).
-- Attempts counted against a rate limit (password checks, e-mails an anonymous form can cause, sharing links),
-- in the database so that every app node counts the same attempts. One row per limit, key and window of the
-- limit's period; the key is kept only as a keyed hash (HMAC-SHA-256), never as the address or network itself.
-- forget_after (epoch seconds) is the end of the window after this one, when the row no longer counts.
CREATE TABLE rate_limit_count (
    limiter      VARCHAR(40) NOT NULL,
    key_hash     VARCHAR(44) NOT NULL,
    window_index BIGINT      NOT NULL,
    hits         INTEGER     NOT NULL,
    forget_after BIGINT      NOT NULL,
    PRIMARY KEY (limiter, key_hash, window_index)
);

CREATE INDEX rate_limit_count_forget ON rate_limit_count (forget_after);
