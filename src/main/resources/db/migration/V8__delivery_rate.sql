-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).
-- The newsletter's send rate is counted in the database (messages finished in the last minute), so that the
-- limit holds for the whole site whichever node sends; this index keeps that count to the last minute's rows.
CREATE INDEX newsletter_delivery_finished ON newsletter_delivery (finished_at);
