"""newsflow ingest service."""
