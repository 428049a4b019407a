"""Where the graph is kept: the store on disk or at a URL behind one interface (`store`,
`remote`), the facts and network read from it (`facts`), its graphs dumped as RDF files
(`dump`), document graphs written in batches (`batches`), and every output file written
atomically (`files`)."""
