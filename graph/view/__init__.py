"""What a reader sees of the graph: what stands out in the entity network (`analyze`, pure
networkx), the interactive page (`visualize`, `layout`, `assets/`), and the graph in other
formats (`export`, `network_files`)."""
