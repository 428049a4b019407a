"""`python -m graph.cli`: the `kg` command run from a source tree."""

from graph.cli import main

main()
