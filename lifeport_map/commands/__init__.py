"""CLI command groups, one module per area; each registers its commands on ``cli.app``.

Modules import only typer and the CLI helpers at import time, so ``lifeport-map --help`` and
``coverage`` start fast; heavy libraries are imported inside the command that needs them.
"""
