-- An edition may adopt an explicit scoring rule (JSON); without one, cities are only profiled.
ALTER TABLE editions ADD COLUMN scoring TEXT;
