"""Everything the newsflow services share: event models, topic names, settings, logging."""
