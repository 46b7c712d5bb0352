"""Neutralising registry text for each place it is shown: terminals, GitHub annotations.

Registry text is contributor input. Before it reaches a terminal, control characters and
escape sequences are made visible; before it reaches a GitHub workflow command, the characters
that could end the command or start a new one are percent-encoded.
"""

from __future__ import annotations

import unicodedata


def terminal(text: str) -> str:
    """Text safe to print: control/format characters shown as \\xNN or \\uNNNN, not executed."""
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs") and ch != " ":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def github_data(text: str) -> str:
    """Escape the message part of a GitHub workflow command (``::error ...::MESSAGE``)."""
    return terminal(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a property value of a GitHub workflow command (``file=...,line=...``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
