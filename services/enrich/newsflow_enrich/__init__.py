"""newsflow enrich service."""
