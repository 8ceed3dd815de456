"""``python -m penalty_rules`` runs the command line."""

from .cli import main

raise SystemExit(main())
