-- Pseudonym key rotation (issue 19). A pseudonym made with a key after the original carries its key id as a prefix
-- ("k2:" and 64 hex digits), so the column grows; the original key's pseudonyms stay bare hex and keep linking.
-- During a rotation's overlap the IVR also keeps the caller's pseudonyms under the other live keys (space-separated),
-- so "earlier calls from this caller" still finds the calls made under the key before. Never a number or a name.
ALTER TABLE calls ALTER COLUMN caller_pseudonym SET DATA TYPE VARCHAR(80);
ALTER TABLE calls ADD COLUMN caller_pseudonym_other_keys VARCHAR(400);
