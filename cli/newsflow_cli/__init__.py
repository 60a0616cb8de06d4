"""The `newsflow` command line and the code that runs the local stack."""
