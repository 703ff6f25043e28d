"""At the smallest supported terminal, 80x24, in English and Spanish: every footer key
shown whole (key and words) inside the screen, and the load dialog's Cancel button in
view however many saves there are (the list scrolls instead)."""

from __future__ import annotations

import shutil

import pytest
from textual.app import App
from textual.widgets import Button, OptionList
from textual.widgets._footer import FooterKey

from game.i18n import _
from game.play.session import Session
from game.tui.app import BrinkApp
from tests.tui.test_screens_sizes import screen_lines
from tests.tui.test_spanish_screens import SCREENS

SIZE = (80, 24)


def assert_footer_whole(app: App[object]) -> None:
    """Each footer entry lies inside the screen, and its key and words are painted."""
    footer = screen_lines(app)[-1]  # type: ignore[arg-type]
    keys = list(app.screen.query(FooterKey))
    assert len(keys) >= 3
    for key in keys:
        region = key.region
        assert region.width > 0 and region.right <= SIZE[0], (key.description, region)
        entry = f"{key.key_display} {key.description}"
        assert entry in footer, (entry, footer)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", SCREENS)
async def test_every_footer_is_whole_at_80_columns(name: str, lang: str) -> None:
    make, keys = SCREENS[name]
    app = BrinkApp(make(), default_seed=1, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert_footer_whole(app)


async def test_a_key_hidden_from_the_footer_still_works() -> None:
    # Ctrl+Q is not shown beside Q (both Quit) on the title screen: it must still quit.
    app = BrinkApp(default_seed=1, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {key.key for key in app.screen.query(FooterKey)}
        assert "q" in shown and "ctrl+q" not in shown
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("lang", ["en", "es"])
async def test_the_load_dialog_scrolls_and_keeps_cancel_in_view(save_folder, lang) -> None:
    session = Session.start("roosevelt-room-2019", "us", "ai-normal", 3)
    original = session.save("first")
    for n in range(30):
        shutil.copy(original, save_folder / f"slot-{n:02d}.brink.json")
    app = BrinkApp(default_seed=1, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LoadScreen"
        slots = app.screen.query_one("#slots", OptionList)
        assert slots.option_count == 31
        assert slots.max_scroll_y > 0  # the list scrolls rather than pushing Cancel out
        cancel = app.screen.query_one("#cancel", Button)
        box = app.screen.query_one("#load-box").region
        assert cancel.region.height > 0 and box.contains_region(cancel.region), (box, cancel)
        assert app.screen.region.contains_region(box)
        assert slots.region.bottom <= cancel.region.y
        assert any(_("Cancel") in line for line in screen_lines(app))
        await pilot.click("#cancel")
        await pilot.pause()
        assert type(app.screen).__name__ == "TitleScreen"


@pytest.mark.parametrize(("lang", "city"), [("es", "CIUDAD DE MÉXICO"), ("en", "CIUDAD DE MEXICO")])
async def test_the_title_art_spells_mexico_in_the_readers_language(lang: str, city: str) -> None:
    app = BrinkApp(default_seed=1, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert any(line.rstrip().endswith(city) for line in lines), lines
