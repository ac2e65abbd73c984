-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).
-- One row per scheduled job, held by the node that runs it (ShedLock's JDBC provider): with several app nodes on
-- one database, each job runs on one node at a time. Times are the database's own clock in UTC, so the nodes'
-- clocks never have to agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
