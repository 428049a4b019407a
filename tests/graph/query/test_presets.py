"""kg query: ready-made queries with safely bound arguments, and the time limit."""

from __future__ import annotations

import itertools
import time

import pytest
from typer.testing import CliRunner

from graph.cli import app, main
from graph.errors import QueryError
from graph.queries import PRESETS
from graph.query.presets import preset_query, run_preset
from graph.query.results import format_result
from graph.query.sparql import query_store, run_query
from graph.store.store import open_store

# 896 quads counted 4 times over: runs for hours.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store(example_build):
    with open_store(example_build / "store", read_only=True) as opened:
        yield opened


def rows(store, preset: str, *arguments: str) -> list[dict[str, str]]:
    text, bindings = preset_query(preset, arguments)
    result = run_query(store, text, name=preset, bindings=bindings)
    return [
        {v: ("" if value is None else value.value) for v, value in zip(result.variables, row)}
        for row in result.rows
    ]


def test_presets_entities(store):
    entities = {row["label"]: row for row in rows(store, "entities")}
    assert entities["Meta"]["type"] == "https://schema.org/Organization"
    assert set(entities["Meta"]["aliases"].split(", ")) == {"META", "Meta Platforms"}
    assert int(entities["Meta"]["mentions"]) >= int(entities["Microsoft"]["mentions"])


def test_presets_relations_keep_the_kind(store):
    found = {
        (r["subject"], r["relation"], r["object"], r["kind"]) for r in rows(store, "relations")
    }
    assert ("Meta", "partners with", "Microsoft", "asserted") in found
    assert ("OpenAI", "releases", "GPT-4", "negated") in found


def test_presets_neighbors_match_label_or_alias_in_any_case(store):
    def links(name: str) -> set[tuple]:
        found = rows(store, "neighbors", name)
        return {(r["subject"], r["relation"], r["object"], r["kind"]) for r in found}

    assert links("Meta") == links("meta platforms") == links("META")
    assert ("Meta", "partners with", "Microsoft", "asserted") in links("Meta")
    assert ("Qualcomm", "works with", "Meta", "asserted") in links("Meta")


def test_presets_path_between_two_entities(store):
    found = rows(store, "path", "Satya Nadella", "llama 2")
    # 'Microsoft will also offer the model': the description is Llama 2
    assert found[0]["steps"] == "2"
    assert found[0]["path"] == (
        "Satya Nadella -[chief executive of]-> Microsoft -[offers]-> Llama 2"
    )


def test_presets_sources_give_the_sentences(store):
    found = rows(store, "sources", "Zuckerberg")
    assert found
    assert {r["subject"] for r in found} == {"Mark Zuckerberg"}
    assert all(r["document"].endswith("open-model-release.txt") for r in found)
    assert "Mark Zuckerberg, the chief executive of Meta, announced" in found[0]["sentence"]


@pytest.mark.parametrize("name", ['Meta" } ; DROP ALL ; #', "Meta) || true || (", "?entity"])
def test_presets_arguments_are_values_not_text(store, name):
    assert rows(store, "neighbors", name) == []


def test_presets_every_preset_runs(store):
    arguments = {"neighbors": ["Meta"], "sources": ["Meta"], "path": ["Meta", "Microsoft"]}
    for preset in PRESETS:
        assert rows(store, preset, *arguments.get(preset, []))


def test_presets_wrong_number_of_arguments():
    with pytest.raises(QueryError, match="preset path takes FROM TO, got 1 argument"):
        preset_query("path", ["Meta"])
    with pytest.raises(QueryError, match="unknown preset"):
        preset_query("everything")


def test_presets_cli(example_build):
    runner = CliRunner()
    store = str(example_build / "store")
    result = runner.invoke(app, ["query", "--preset", "neighbors", "Meta", "--store", store])
    assert result.exit_code == 0, result.output
    assert "partners with" in result.output
    result = runner.invoke(
        app, ["query", "SELECT ?o WHERE { ent:meta rel:partner_with ?o }", "--store", store]
    )
    assert result.exit_code == 0, result.output
    assert "ent:microsoft" in result.output
    result = runner.invoke(
        app, ["query", "--store", store, "--format", "csv", "--preset", "path", "Meta", "Llama 2"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "from,to,steps,path"


def test_sparql_query_store_answers_like_run_query(store, example_build):
    text = "SELECT ?o WHERE { ent:meta rel:partner_with ?o }"
    assert query_store(example_build / "store", text) == run_query(store, text)


def test_sparql_query_store_stops_at_the_time_limit(example_build):
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"query: stopped after 1 s, the time limit"):
        query_store(example_build / "store", ENDLESS, timeout=1)
    assert time.monotonic() - started < 10


def test_sparql_query_store_passes_errors_back(tmp_path, example_build):
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        query_store(example_build / "store", "SELECT * { SERVICE <http://h/> { ?s ?p ?o } }")
    with pytest.raises(Exception, match="no store here"):
        query_store(tmp_path / "none", "ASK { ?s ?p ?o }")


def test_presets_cli_timeout_is_one_line(example_build, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["query", ENDLESS, "--store", str(example_build / "store"), "--timeout", "1"])
    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: query: stopped after 1 s")
    assert err.count("\n") == 1


def test_presets_format(store):
    text, bindings = preset_query("neighbors", ["Meta"])
    table = format_result(run_query(store, text, bindings=bindings))
    assert table.splitlines()[0].split() == [
        "entity",
        "subject",
        "relation",
        "object",
        "kind",
        "sentences",
    ]


# Every preset's error paths as kg query meets them: wrong arguments, names of no entity.
PRESET_ERRORS = [
    (["entities", "Meta"], "preset entities takes no arguments, got 1"),
    (["relations", "Meta"], "preset relations takes no arguments, got 1"),
    (["neighbors"], "preset neighbors takes ENTITY, got 0"),
    (["neighbors", "Metta"], 'no entity named "Metta"; did you mean Meta'),
    (["sources", "Zukerberg"], 'no entity named "Zukerberg"; did you mean Zuckerberg'),
    (["sources", "Nothing Like It"], 'no entity named "Nothing Like It" (kg query --preset'),
    (["path", "Meta"], "preset path takes FROM TO, got 1"),
    (["path", "Microsfot", "Meta"], 'no entity named "Microsfot"; did you mean Microsoft'),
    (["path", "Meta", "Lama 2"], 'no entity named "Lama 2"; did you mean Llama 2'),
]


@pytest.mark.parametrize(("arguments", "message"), PRESET_ERRORS)
def test_presets_errors_are_one_line_with_the_fix(example_build, capsys, arguments, message):
    preset, *rest = arguments
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "--preset", preset, *rest, "--store", str(example_build)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 1
    assert err.count("\n") == 1 and message in err, err


def test_presets_every_preset_has_its_error_tested():
    assert {arguments[0] for arguments, _ in PRESET_ERRORS} == set(PRESETS)


def test_presets_path_of_any_length(tmp_path, nlp):
    from graph.build import build

    firms = ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Cyberdyne"]
    chain = " ".join(f"{a} acquired {b}." for a, b in itertools.pairwise(firms))
    (tmp_path / "chain.txt").write_text(chain)
    build([tmp_path / "chain.txt"], out=tmp_path / "out", nlp=nlp)
    result = run_preset(tmp_path / "out", "path", ["acme", "CYBERDYNE"])
    [(start, end, steps, path)] = result.rows
    assert (start.value, end.value, steps.value) == ("Acme", "Cyberdyne", "5")
    assert path.value == " -[acquires]-> ".join(firms)
    [(_, _, _, back)] = run_preset(tmp_path / "out", "path", ["Cyberdyne", "Acme"]).rows
    assert back.value == " <-[acquires]- ".join(reversed(firms))
