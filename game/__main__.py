"""`python -m game` runs the same command line as `brink`."""

from game.cli.main import main

raise SystemExit(main())
