"""`kg extract`: the triples (or mentions) read from text, printed, no store."""

from __future__ import annotations

from typing import Annotated

import typer

from graph.cli.app import app
from graph.cli.help import Quiet, Verbose
from graph.cli.options import Paths, TripleFormat, echo_data, skipped_error
from graph.terminal import json_text


@app.command()
def extract(
    paths: Paths,
    format: Annotated[
        TripleFormat,
        typer.Option(
            "--format",
            help="jsonl, tsv, carb (one sentence per input line, Open IE columns), or mentions "
            "(JSON Lines: every name, pronoun and description and the entity it stands for).",
        ),
    ] = TripleFormat.jsonl,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Print the triples read from text, without building a store."""
    from extract.documents import read_documents
    from extract.extractor import extract_documents
    from extract.formats import carb_line, mention_record, triple_record, tsv_header, tsv_line
    from extract.openie import read_sentences
    from graph.store.files import is_output_folder

    skipped: list[tuple[str, str]] = []
    documents = read_documents(paths, skip_folder=is_output_folder, skipped=skipped)
    if format is TripleFormat.carb:
        lines = (line for d in documents for line in d.text.splitlines() if line.strip())
        for sentence, extraction in read_sentences(lines):
            echo_data(carb_line(sentence, extraction))
    else:
        if format is TripleFormat.tsv:
            typer.echo(tsv_header())
        for extraction in extract_documents(documents):
            if format is TripleFormat.mentions:
                for mention in extraction.mentions:
                    typer.echo(json_text(mention_record(mention, extraction.document.id)))
                continue
            for triple in extraction.triples:
                record = triple_record(triple)
                if format is TripleFormat.jsonl:
                    typer.echo(json_text(record))
                else:
                    echo_data(tsv_line(record))
    if skipped:
        raise skipped_error(skipped)
