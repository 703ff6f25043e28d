"""Scheduled events in words: the line that announces an event's date names it by its
label (or its id in words), never by the id `schedule` effects use, in the reader's
language; and the label, added after saves began to record play digests, is wording."""

from __future__ import annotations

from pathlib import Path

from game.i18n import localise
from game.rules.ruleset import load_ruleset
from game.scenario.registry import resolve
from game.sim.runner import play_game

SCHEDULED = ("forces-reach-their-posts", "review-45", "review-90")


def test_an_event_without_a_label_is_its_id_in_words(flagship):
    assert flagship.scenario.event_label("no-such-event") == "No such event"


def test_bundled_scheduled_events_have_labels_in_both_languages():
    for scenario_id in ("roosevelt-room-2019", "review-2019"):
        scenario = load_ruleset(scenario_id).scenario
        for event_id in SCHEDULED:
            label = scenario.events_by_id[event_id].label
            assert set(label.versions) == {"en", "es"}, (scenario_id, event_id)


def test_the_schedule_line_names_the_event_in_each_language(flagship):
    lines = []
    for seed in range(40):
        state = play_game(flagship, seed, {"us": "historical", "mexico": "historical"})
        lines += [e.text for e in state.log if e.kind == "schedule"]
        if lines:
            break
    assert lines, "a historical game schedules the forces' arrival"
    english = [str(line) for line in lines]
    spanish = [localise(line, "es") for line in lines]
    assert any(line.startswith("The ordered forces reach their posts: due on") for line in english)
    assert any(line.startswith("Las fuerzas ordenadas llegan a sus puestos:") for line in spanish)
    assert not any(event_id in line for line in english + spanish for event_id in SCHEDULED)


def test_an_event_label_does_not_change_the_play_digest(tmp_path: Path):
    text = resolve("roosevelt-room-2019").read_text(encoding="utf-8")
    labelled = load_ruleset("roosevelt-room-2019").file.play_digest
    start = text.index("  - id: review-45\n") + len("  - id: review-45\n")
    end = text.index("    when:", start)
    assert text[start:end].startswith("    label:")
    bare = tmp_path / "roosevelt-room-2019.yaml"
    bare.write_text(text[:start] + text[end:], encoding="utf-8")
    assert load_ruleset(bare).file.play_digest == labelled
