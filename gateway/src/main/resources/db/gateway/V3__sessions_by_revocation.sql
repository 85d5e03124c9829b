-- Each gateway node asks once a second for the sessions ended lately (ActiveSessions), so that a
-- sign-out on one node takes effect on all: only revoked rows are indexed, and only by when.
CREATE INDEX sessions_by_revoked_at ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;
