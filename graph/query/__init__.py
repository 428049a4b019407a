"""Asking the graph: SPARQL checked and run with kg's prefixes (`sparql`), its answers as text
(`results`) or DataFrames (`frames`), the ready-made queries (`presets`), the entities as a
reader checks them (`entities`), and the read-only SPARQL endpoint of `kg serve` (`serve`,
`engines`)."""
