"""Write docs/cli.md, the command-line reference, from the commands' own --help texts in English
(``--lang en``; the help is Dutch by default, from lifeport_map/commands/help_nl.py).

tests/test_cli_docs.py fails when the committed file differs, so a command or option cannot
change without its reference changing too. Run: python scripts/gen_cli_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lifeport_map.cli import app

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
WIDTH = 100


def arguments() -> list[tuple[tuple[str, ...], list[str]]]:
    """Every command's path and the arguments that show its help in English: the command's own
    --lang where it has one (so its default shows as nl), the program's --lang otherwise."""
    found: list[tuple[tuple[str, ...], list[str]]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        own = any(param.name == "lang" for param in getattr(command, "params", []))
        found.append((path, [*path, "--lang", "en", "--help"] if own else ["--lang", "en", *path, "--help"]))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def render() -> str:
    runner = CliRunner()
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `scripts/gen_cli_docs.py`; a test keeps it in step.",
        "",
    ]
    for path, args in arguments():
        result = runner.invoke(
            app,
            args,
            terminal_width=WIDTH,
            env={"COLUMNS": str(WIDTH), "NO_COLOR": "1"},
        )
        title = " ".join(("lifeport-map", *path))
        parts += [f"## {title}", "", "```text", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


def main() -> int:
    OUT.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
