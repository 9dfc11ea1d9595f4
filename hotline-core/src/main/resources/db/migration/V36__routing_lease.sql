-- The routing lease (issue 19): which dispatch node of a cluster owns routing, until when, and the fencing token of
-- that ownership. One row (id 1). A node takes it with one conditional UPDATE (only once expires_at has passed, by
-- the database's clock) that also increments token, so every ownership has a larger token than the one before.
-- Every routing write (an offer, an assignment, an operator's state) locks this row and checks that the token is
-- still its owner's, so a node that lost the lease cannot write on a stale view. A single process never takes it.
CREATE TABLE routing_lease (
    id         INTEGER                  NOT NULL,
    holder     VARCHAR(200),
    token      BIGINT                   NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_routing_lease PRIMARY KEY (id),
    CONSTRAINT ck_routing_lease_single CHECK (id = 1)
);

INSERT INTO routing_lease (id, holder, token, expires_at) VALUES (1, NULL, 0, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
