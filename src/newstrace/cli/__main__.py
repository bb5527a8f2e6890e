"""``python -m newstrace.cli``: the same as the ``newstrace`` command."""

from .app import main

main()
