"""kg's RDF model, pure (no store, no files): the vocabulary and IRIs we mint (`vocab`), the
terms written (`terms`), a document's extraction as quads (`quads`) and as Turtle text
(`turtle`), the facts derived from all documents (`facts`) and the part of their network a
reader is shown (`network`)."""
