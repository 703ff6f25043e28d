"""Spanish screens as a reader meets them at 80x24: every footer whole and each key
apart from the next, no English words where the scenario has Spanish (outlets, dates,
saves, the command palette), the set-up's summary in view, the small-terminal notice."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from game.engine.moves import Move
from game.i18n import using
from game.play.session import Session
from game.rules.ruleset import load_ruleset
from game.tui.app import BrinkApp, TooSmallScreen
from game.tui.screens.briefing import codex, who_you_are
from tests.tui.test_screens_sizes import screen_lines

SIZE = (80, 24)


def _session(role: str = "mexico", opponent: str = "ai-normal") -> Session:
    return Session.start("roosevelt-room-2019", role, opponent, 3)


def _ended() -> Session:
    session = _session("us")
    session.play(Move(session.state.actor, "walk_out"))
    return session


async def _hot_seat(pilot) -> None:
    pilot.app.screen.query_one("#opponent").query("RadioButton").last().value = True


# Each screen with a footer: how to reach it from a fresh app.
SCREENS = {
    "title": (lambda: None, []),
    "setup": (lambda: None, ["n"]),
    "briefing": (_session, []),
    "table": (_session, ["enter"]),
    "handover": (lambda: _session("us", "human"), []),
    "ending": (_ended, []),
    "debrief": (_ended, ["d"]),
}


@pytest.mark.parametrize("name", SCREENS)
async def test_every_spanish_footer_is_whole_at_80_columns(name: str) -> None:
    make, keys = SCREENS[name]
    app = BrinkApp(make(), default_seed=1, lang="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        footer = screen_lines(app)[-1]
        entries = [f"{k.key_display} {k.description}" for k in app.screen.query(FooterKey)]
        assert len(entries) >= 3
        for entry in entries:
            assert entry in footer, (entry, footer)
        assert len(footer.rstrip()) <= SIZE[0]


async def test_a_rule_keeps_each_footer_key_with_its_own_words() -> None:
    # «b Informe y Respuesta» read as one entry: y is the Reply key, and Spanish for "and".
    app = BrinkApp(_session(), lang="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "b Informe▏y Respuesta▏e Cifras" in footer
        assert "Informe y Respuesta" not in footer


@pytest.mark.parametrize(("lang", "summary"), [("es", "Elegido:"), ("en", "Chosen:")])
async def test_the_hot_seat_set_up_keeps_its_summary_in_view(lang: str, summary: str) -> None:
    app = BrinkApp(default_seed=1, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await _hot_seat(pilot)
        await pilot.pause()
        lines = screen_lines(app)
        assert app.screen.query_one("#other-lang-group").display
        assert any(line.startswith(summary) for line in lines[:-1]), lines
        # Nothing scrolled away: the first group's title is still on top.
        assert app.screen.query_one("#setup").max_scroll_y == 0


def _why(app: BrinkApp) -> str:
    return str(app.screen.query_one("#why", Static).content)


@pytest.mark.parametrize(
    ("lang", "wanted", "unwanted"),
    [
        ("es", "(Nota periodística, 5 jun 2019)", "2019-06-05"),
        ("en", "(News report, 2019-06-05)", "jun 2019"),
    ],
)
async def test_the_news_source_line_speaks_the_readers_language(
    lang: str, wanted: str, unwanted: str
) -> None:
    app = BrinkApp(_session(), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "right", "p", "n")
        await pilot.pause()
        why = " ".join(_why(app).split())
        assert wanted in why and unwanted not in why


def test_the_briefing_opens_with_who_is_who_in_plain_spanish() -> None:
    scenario = load_ruleset("roosevelt-room-2019").scenario
    with using("es"):
        opening = who_you_are(scenario, "mexico")
        sources = codex(scenario)
    assert opening.startswith("Usted es **Marcelo Ebrard**")
    assert "Su delegación: Delegación de México." in opening
    assert "la contraparte: Delegación de Estados Unidos, representada por Mike Pence" in opening
    assert "al frente de:" not in opening
    assert "Ensayo, 9 may 2019" in sources
    assert "Essay" not in sources and "2019-05-09" not in sources


async def test_the_load_dialog_words_a_save_in_spanish(save_folder) -> None:
    session = _session()
    session.play(Move("mexico", "walk_out"))
    session.save("partida")
    for lang, wanted, unwanted in [
        ("es", "Sala Roosevelt, junio de 2019 — ", "human"),
        ("en", "Roosevelt Room, June 2019 — 2019-", "jugador"),
    ]:
        app = BrinkApp(lang=lang)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("l")
            await pilot.pause()
            text = "\n".join(screen_lines(app))
            assert "partida" in text and wanted in text and unwanted not in text
            if lang == "es":
                assert "(Estados Unidos: IA, normal; México: jugador)" in text


async def test_the_command_palette_speaks_spanish() -> None:
    app = BrinkApp(lang="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Teclas", "Captura de pantalla", "Tema"} <= titles
        assert not titles & {"Keys", "Screenshot", "Theme", "Quit"}
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert any("Buscar un comando" in line for line in screen_lines(app))


@pytest.mark.parametrize("lang", ["es", "en"])
async def test_shrinking_the_terminal_shows_the_notice_and_growing_it_takes_it_away(
    lang: str,
) -> None:
    app = BrinkApp(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        notice = " ".join(" ".join(screen_lines(app)).split())
        assert "80x24" in notice  # wrapped, not cut at the width it complains of
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)


def test_the_class_console_is_titled_in_the_instructors_language() -> None:
    from game.tui.console import ConsoleApp

    assert ConsoleApp("http://127.0.0.1:1", "CODE", lang="es").title == (
        "Brinkmanship — consola de la clase"
    )
    assert ConsoleApp("http://127.0.0.1:1", "CODE", lang="en").title == (
        "Brinkmanship — class console"
    )
