-- The FastAGI node that runs each call's IVR. In a cluster, a node that restarts (or the routing owner, when a
-- node dies) closes only that node's interrupted calls, never those live on another node. Null on rows written
-- before this migration, which only a single process wrote.
ALTER TABLE calls ADD COLUMN ivr_node VARCHAR(64);
