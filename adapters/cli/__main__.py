"""`python -m adapters.cli` is the same as `prepbot`."""

from adapters.cli import main

main()
