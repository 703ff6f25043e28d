"""The language of the screen: chosen at start, switched at once from the title screen
(key E) and the command palette, and, in a hot-seat game, one per seat."""

from __future__ import annotations

from textual.widgets import Button, RadioButton, Static, TabbedContent
from textual.widgets._footer import FooterKey

from game.i18n import current
from game.play.session import Session
from game.tui.app import BrinkApp

SIZE = (80, 24)


def footer(app: BrinkApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


def shown(app: BrinkApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def move_buttons(app: BrinkApp) -> list[str]:
    return [str(b.label) for b in app.screen.query("#moves Button").results(Button)]


def tab_titles(app: BrinkApp) -> list[str]:
    tabs = app.screen.query_one(TabbedContent)
    return [str(tabs.get_tab(pane.id or "").label) for pane in tabs.query("TabPane")]


async def test_the_language_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("BRINK_LANG", "es")
    app = BrinkApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.lang == "es" and "Juego de negociación" in shown(app, "#tagline")


async def test_key_e_on_the_title_screen_switches_at_once_and_back():
    app = BrinkApp(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "negotiation game" in shown(app, "#tagline")
        assert "Español" in footer(app) and "New game" in footer(app)
        await pilot.press("e")
        await pilot.pause()
        assert current() == "es" and app.lang == "es"
        assert "Juego de negociación" in shown(app, "#tagline")
        assert "English" in footer(app) and "Nueva partida" in footer(app)
        menu = app.screen.query_one("#menu")
        assert "Nueva partida" in str(menu.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        # The screens opened from it are in Spanish too.
        await pilot.press("n")
        await pilot.pause()
        assert "Empezar" in footer(app)
        await pilot.press("escape", "e")
        await pilot.pause()
        assert app.lang == "en" and "negotiation game" in shown(app, "#tagline")


async def test_the_palette_switches_the_table_without_losing_the_offer():
    session = Session.start("roosevelt-room-2019", "mexico", "ai-normal", 3)
    app = BrinkApp(session, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "right")
        await pilot.pause()
        draft = dict(app.drafts["mexico"])
        assert "ropose" in move_buttons(app)[0]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Language: Esp")
        for _ in range(5):  # the palette searches in a worker
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "TableScreen" and app.lang == "es"
        assert "roponer" in move_buttons(app)[0]
        assert tab_titles(app) == ["Respuesta", "Cifras", "Noticias"]
        assert "Informe" in footer(app) and "Briefing" not in footer(app)
        assert app.screen.query_one("#offer").mine == draft  # type: ignore[attr-defined]
        assert "Usted ofrece" in str(app.screen.query_one("#detail", Static).content)
        # Still playable: the offer as built is proposed.
        await pilot.press("p")
        await pilot.pause()
        proposed = session.last_move("mexico")
        assert proposed is not None and dict(proposed.offer or {}) == draft


async def _hot_seat(other_lang: str) -> tuple[Session, list[tuple[str, str, str]]]:
    """A hot-seat game from the set-up screen: the first player (United States) reads
    English, the second (Mexico) `other_lang`. Returns the session and, at each seat's
    turn, (role, the hand-over's words, the table's Propose button)."""
    app = BrinkApp(default_seed=5, lang="en")
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        setup = app.screen
        setup.query_one("#opponent").query(RadioButton).last().value = True
        await pilot.pause()
        names = {b.name: b for b in setup.query_one("#other-lang").query(RadioButton)}
        names[other_lang].value = True
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        for _turn in range(4):
            screen = app.screen
            assert type(screen).__name__ == "HandoverScreen"
            words = shown(app, "#handover")
            await pilot.press("enter")  # to the briefing (first time) or the table
            await pilot.pause()
            if type(app.screen).__name__ == "BriefingScreen":
                await pilot.press("enter")
                await pilot.pause()
            seen.append((screen.role, words, move_buttons(app)[0]))  # type: ignore[attr-defined]
            await pilot.press("right", "p")
            await pilot.pause()
        session = app.session
        assert isinstance(session, Session)
    return session, seen


async def test_mixed_hot_seat_each_seat_reads_its_language_and_the_save_is_the_same():
    mixed, seen = await _hot_seat("es")
    assert {role for role, _, _ in seen} == {"us", "mexico"}
    for role, words, propose in seen:
        if role == "mexico":
            assert "pulse" in words and "roponer" in propose, (role, words, propose)
        else:
            assert "press" in words and "ropose" in propose, (role, words, propose)
    english, seen_en = await _hot_seat("en")
    assert all("press" in words for _, words, _ in seen_en)
    assert mixed.state.moves == english.state.moves and len(mixed.state.moves) == 4
    assert mixed.save("same").read_text() == english.save("same").read_text()
