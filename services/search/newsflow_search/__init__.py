"""newsflow search service."""
