"""The translation memory: units from the aligned corpus and from imported files, their search and use."""
