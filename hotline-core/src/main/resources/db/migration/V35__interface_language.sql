-- The language each person reads the screens in (a bundle code: en, prs, ps, ur, tg, uz, tk, ru), chosen by them
-- in the header. Null until they choose: the screens are then in English.
ALTER TABLE operators ADD COLUMN interface_language VARCHAR(8);
