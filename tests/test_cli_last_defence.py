"""The console script's last line of defence (``cli.run``): an unexpected exception and Ctrl-C
end with one line in the command's --lang, no traceback, and exit 4 and 130."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Runs ``cli.run`` with its command replaced by one that reads --lang (as every command's option
# does) and then fails with ``exception``.
SCRIPT = """
import sys
import lifeport_map.cli as cli
from lifeport_map.commands.common import _remember_lang

def command():
    if sys.argv[1] != "-":
        _remember_lang(sys.argv[1])
    raise {exception}

cli.app = command
cli.run()
"""


def _run(exception: str, lang: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(exception=exception), lang],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "LIFEPORT_DEBUG"} | {"PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "lifeport-map: interne fout: RuntimeError: stuk\n"
            "    tip: meld dit met het commando dat u gaf; zet LIFEPORT_DEBUG=1 voor details\n",
        ),
        (
            "en",
            "lifeport-map: internal error: RuntimeError: stuk\n"
            "    hint: please report this with the command you ran; set LIFEPORT_DEBUG=1 for details\n",
        ),
        # Before --lang is read, Dutch, the default.
        (
            "-",
            "lifeport-map: interne fout: RuntimeError: stuk\n"
            "    tip: meld dit met het commando dat u gaf; zet LIFEPORT_DEBUG=1 voor details\n",
        ),
    ],
)
def test_an_unexpected_error_is_one_line_in_the_commands_language(lang: str, expected: str) -> None:
    done = _run("RuntimeError('stuk')", lang)
    assert (done.returncode, done.stdout, done.stderr) == (4, "", expected)


def test_the_internal_error_line_is_inert() -> None:
    done = _run("RuntimeError('\\x1b[31mred\\x07')", "en")
    assert done.returncode == 4
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert done.stderr.startswith("lifeport-map: internal error: RuntimeError: ")


@pytest.mark.parametrize(("lang", "expected"), [("nl", "onderbroken"), ("en", "interrupted")])
def test_ctrl_c_says_interrupted_in_the_commands_language(lang: str, expected: str) -> None:
    done = _run("KeyboardInterrupt", lang)
    assert (done.returncode, done.stderr) == (130, f"lifeport-map: {expected}\n")
