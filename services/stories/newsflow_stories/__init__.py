"""newsflow stories: enriched articles grouped into stories, with figure tracks."""
