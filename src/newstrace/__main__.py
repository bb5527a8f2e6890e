"""``python -m newstrace``."""

from .cli.app import main

main()
