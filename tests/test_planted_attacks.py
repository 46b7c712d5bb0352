"""What a pull request can plant in the registry must not leak, hang or destroy (issue 12).

Each attack is planted in a fixture repository in tmp_path laid out like the real one (data/
with the registry, regions, taxonomy and gazetteer; LIFEPORT_DATA_DIR points at it, so the
commands run exactly as in CI, without --registry or --regions), and the commands run as real
processes, as the workflow runs them:

- nothing of a secret outside the repository reaches stdout or stderr;
- nothing hangs: every run has a timeout, and the refusal costs the process less than a second
  of CPU time (CPU, not wall time: this 2-core machine is shared, and a loaded host stretches
  wall time of the same work several times; a FIFO hang uses no CPU, so the timeout catches it);
- a refused file exits 3 and names its path with a hint;
- no file inside or outside the fixture changes (a snapshot of every file, link and FIFO).

The processes run with a 3 GB address-space limit, so that a regression (reading /dev/zero)
fails the test instead of exhausting the shared machine.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI, ROOT, need_permissions_to_apply, permissions_apply

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero (POSIX)")

TOKEN = "ghp_PLANTEDsecret0123456789abcdefGHIJKLMN"
CPU_LIMIT_S = 1.0
TIMEOUT_S = 30.0
MEMORY_LIMIT = 3 << 30
PASSWD = Path("/etc/passwd")


@dataclass
class Run:
    code: int
    out: str
    err: str
    wall: float
    cpu: float

    @property
    def text(self) -> str:
        return self.out + self.err


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(repo: Path, *args: str, env: dict[str, str] | None = None, permissions: bool = False) -> Run:
    """One command in a fresh process, in the repository, reading its data folder by default
    (``permissions``: as a user whom file permissions bind, conftest.permissions_apply)."""
    full = {**os.environ, "LIFEPORT_DATA_DIR": str(repo / "data"), "COLUMNS": "200", **(env or {})}
    for name in ("LIFEPORT_DEBUG", "LIFEPORT_REGISTRY", "LIFEPORT_REGIONS", "LIFEPORT_MAX_BYTES"):
        full.pop(name, None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "lifeport_map", *args],
        cwd=repo,
        env=full,
        capture_output=True,
        timeout=TIMEOUT_S,
        preexec_fn=(lambda: (_limit_memory(), permissions_apply())) if permissions else _limit_memory,
        check=False,
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        wall,
        cpu,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry below ``folder`` without following links: files by hash, links by target."""
    found: dict[str, str] = {}
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(top) / name
            info = path.lstat()
            key = str(path.relative_to(folder))
            if stat.S_ISLNK(info.st_mode):
                found[key] = "link -> " + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                found[key] = (
                    hashlib.sha256(path.read_bytes()).hexdigest() + f" {stat.S_IMODE(info.st_mode):o}"
                )
            else:
                found[key] = stat.filemode(info.st_mode)
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the fixture repository ---------------------------------------------------------------------


# The repository's claims file: one claim, near a place, so that `claims` reads the gazetteer.
CLAIMS = """claims:
  - id: sites-near-nijmegen
    claim: {nl: Vestigingen bij Nijmegen, en: Sites near Nijmegen}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "there are sites near Nijmegen"
    check: {type: count, origin: Nijmegen, radius_km: 100, expect: {op: at-least, value: 1}}
"""


def build_repo(tmp_path: Path) -> Path:
    """tmp_path/repo: a git repository with data/ like the real one; tmp_path/outside: a
    credentials file with TOKEN and a folder of harmless YAML, both outside the repository."""
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(MINI / "regions", data / "regions")
    shutil.copy(MINI / "companies.yaml", data / "companies.yaml")
    shutil.copy(ROOT / "data" / "taxonomy.yaml", data / "taxonomy.yaml")
    (data / "gazetteer").mkdir()
    shutil.copy(ROOT / "data" / "gazetteer" / "places.json.gz", data / "gazetteer" / "places.json.gz")
    shutil.copytree(ROOT / "data" / "boundaries", data / "boundaries")
    (data / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    outside = tmp_path / "outside"
    (outside / "config").mkdir(parents=True)
    (outside / "credentials").write_text(f"token={TOKEN}\n", encoding="utf-8")
    (outside / "config" / "deploy.yaml").write_text(f"token: {TOKEN}\n", encoding="utf-8")
    (outside / "victim.txt").write_text("a file nobody asked to overwrite\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=60)
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True, timeout=60)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "fixture"], check=True, timeout=60)
    return repo


def _replace_with_link(path: Path, target: Path | str) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.symlink_to(target)


def _replace_with_fifo(path: Path) -> None:
    if os.path.lexists(path):
        path.unlink()
    os.mkfifo(path)


def _boundary_into_dev(repo: Path) -> None:
    regions = repo / "data" / "regions"
    (regions / "boundaries").symlink_to("/dev")
    with (regions / "nijmegen.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: official\n    type: boundary\n    name: {nl: grens, en: boundary}\n"
            "    boundary: boundaries/zero\n    source: {note: planted, year: 2026}\n"
        )


Plant = Callable[[Path], None]
REGIONS = Path("data/regions")

# name -> (how to plant it, the path the message must name, the outside file that must not leak)
ATTACKS: dict[str, tuple[Plant, str, Path | None]] = {
    "region file links to a secret outside": (
        lambda r: _replace_with_link(r / REGIONS / "evil.yaml", r.parent / "outside" / "credentials"),
        "evil.yaml",
        None,
    ),
    "region file links to /etc/passwd": (
        lambda r: _replace_with_link(r / REGIONS / "evil.yaml", PASSWD),
        "evil.yaml",
        PASSWD,
    ),
    "region file links to /dev/zero": (
        lambda r: _replace_with_link(r / REGIONS / "nijmegen.yaml", "/dev/zero"),
        "nijmegen.yaml",
        None,
    ),
    "region file is a FIFO": (
        lambda r: _replace_with_fifo(r / REGIONS / "nijmegen.yaml"),
        "nijmegen.yaml",
        None,
    ),
    "registry is a FIFO": (
        lambda r: _replace_with_fifo(r / "data" / "companies.yaml"),
        "companies.yaml",
        None,
    ),
    "registry links to /dev/zero": (
        lambda r: _replace_with_link(r / "data" / "companies.yaml", "/dev/zero"),
        "companies.yaml",
        None,
    ),
    "registry links to a secret outside": (
        lambda r: _replace_with_link(r / "data" / "companies.yaml", r.parent / "outside" / "credentials"),
        "companies.yaml",
        None,
    ),
    "regions folder links to a folder outside": (
        lambda r: _replace_with_link(r / REGIONS, r.parent / "outside" / "config"),
        "regions",
        None,
    ),
    "boundaries folder links to /dev": (_boundary_into_dev, "boundaries", None),
    "taxonomy is a FIFO": (lambda r: _replace_with_fifo(r / "data" / "taxonomy.yaml"), "taxonomy.yaml", None),
    "taxonomy links to /dev/zero": (
        lambda r: _replace_with_link(r / "data" / "taxonomy.yaml", "/dev/zero"),
        "taxonomy.yaml",
        None,
    ),
    "gazetteer links to /dev/zero": (
        lambda r: _replace_with_link(r / "data" / "gazetteer" / "places.json.gz", "/dev/zero"),
        "places.json.gz",
        None,
    ),
    "gazetteer is a FIFO": (
        lambda r: _replace_with_fifo(r / "data" / "gazetteer" / "places.json.gz"),
        "places.json.gz",
        None,
    ),
}


def assert_safe(result: Run, *, leaked_from: Path | None = None) -> None:
    """No secret in the output, no traceback, and the refusal cheap enough to be no attack."""
    assert TOKEN not in result.text and TOKEN[:12] not in result.text, result.text[:2000]
    if leaked_from is not None:
        for line in leaked_from.read_text(encoding="utf-8", errors="replace").splitlines():
            if len(line) >= 8:
                assert line not in result.text, f"{leaked_from} leaked: {line!r}"
    assert "Traceback" not in result.text and "internal error" not in result.text, result.err[-2000:]
    assert result.cpu < CPU_LIMIT_S, f"{result.cpu:.2f} s of CPU (wall {result.wall:.2f} s)"


def assert_refused(result: Run, named: str) -> None:
    assert result.code == 3, (result.code, result.text[-2000:])
    assert named in result.text, result.text[-2000:]
    assert "tip:" in result.text or "hint:" in result.text  # in the command's --lang


# --- the CI workflow's commands against every attack --------------------------------------------

WORKFLOW = {
    "validate": ["validate", "--format", "github"],
    "fmt-check": ["fmt", "--check", "--format", "github"],
    "diff": ["diff", "HEAD", "HEAD", "--format", "markdown"],
    "claims": ["claims", "--format", "markdown", "--lang", "en"],
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_the_ci_workflow_refuses_each_attack_without_leaking_hanging_or_writing(
    attack: str, tmp_path: Path
) -> None:
    repo = build_repo(tmp_path)
    plant, named, leaked_from = ATTACKS[attack]
    plant(repo)
    before = snapshot(tmp_path)
    passwd = _digest(PASSWD)
    for step, args in WORKFLOW.items():
        result = run(repo, *args)
        assert_safe(result, leaked_from=leaked_from)
        if step == "diff":
            # diff reads both registries from git, so a planted registry, gazetteer or taxonomy in
            # the work tree is not read at all; the regions are read from disk and refused.
            assert result.code in (0, 3), result.text[-2000:]
            if result.code == 3:
                assert named in result.text
        else:
            assert_refused(result, named)
        if step == "validate":  # standard output holds annotations only
            lines = result.out.splitlines()
            assert all(line.startswith(("::error ", "::warning ")) for line in lines), result.out
    assert snapshot(tmp_path) == before
    assert _digest(PASSWD) == passwd


def test_validate_github_prints_no_byte_of_any_linked_file_outside(tmp_path: Path) -> None:
    """A link to each kind of place the registry reads, all pointing at the same secret file:
    one run of the CI step, and not one line of the file in its output."""
    repo = build_repo(tmp_path)
    secret = tmp_path / "outside" / "credentials"
    secret.write_text(
        f"token={TOKEN}\n{TOKEN}\nsites:\n  - id: {TOKEN.lower()}\n  {TOKEN}: x\n", encoding="utf-8"
    )
    data = repo / "data"
    _replace_with_link(data / "regions" / "a-link.yaml", secret)
    _replace_with_link(data / "regions" / "b-link.yaml", "../../../outside/credentials")
    (data / "regions" / "boundaries").mkdir()
    _replace_with_link(data / "regions" / "boundaries" / "nijmegen.geojson", secret)
    with (data / "regions" / "nijmegen.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: official\n    type: boundary\n    name: {nl: grens, en: boundary}\n"
            "    boundary: boundaries/nijmegen.geojson\n    source: {note: planted, year: 2026}\n"
        )
    result = run(repo, "validate", "--format", "github")
    assert_safe(result, leaked_from=secret)
    assert_refused(result, "a-link.yaml")
    assert "b-link.yaml" in result.out and "boundaries/nijmegen.geojson" in result.out
    for token_piece in (TOKEN[i : i + 8] for i in range(0, len(TOKEN) - 8, 4)):
        assert token_piece not in result.text


def test_a_region_file_that_is_not_a_mapping_is_not_quoted(tmp_path: Path) -> None:
    """Inside the repository, a region file holding one long line (a pasted token) is reported
    as text of some length: the message quotes nothing of it."""
    repo = build_repo(tmp_path)
    (repo / "data" / "regions" / "pasted.yaml").write_text(f"{TOKEN}\n", encoding="utf-8")
    result = run(repo, "validate", "--format", "github")
    assert result.code == 1
    assert (
        "het bestand moet een mapping zijn (regels 'sleutel: waarde'), geen tekst (41 tekens)" in result.out
    )
    assert len(TOKEN) == 41
    assert_safe(result)


def test_a_long_offending_value_is_quoted_as_a_short_escaped_excerpt(tmp_path: Path) -> None:
    repo = build_repo(tmp_path)
    registry = repo / "data" / "companies.yaml"
    value = "X" * 30 + "\x1b[31m" + "Y" * 200
    text = registry.read_text(encoding="utf-8").replace("country: NL", f'country: "{value}"', 1)
    registry.write_text(text.replace("\x1b", "\\e"), encoding="utf-8")
    result = run(repo, "validate")
    assert result.code == 1
    # 40 characters: 30 X, the escape character (shown as \x1b), '[31m' and 5 Y.
    assert "'" + "X" * 30 + "\\x1b[31mYYYYY...' is geen code volgens ISO 3166-1 alpha-2" in result.out
    assert "Y" * 6 not in result.out and "\x1b" not in result.text


# --- every command refuses a FIFO, /dev/zero and a linked folder --------------------------------

COMMANDS: dict[str, list[str]] = {
    "validate": ["validate"],
    "fmt": ["fmt"],
    "add": [
        "add",
        "--no-interactive",
        "--name",
        "New Fab",
        "--organisation",
        "New",
        "--kind",
        "foundry",
        "--activity",
        "foundry",
        "--place",
        "Nijmegen",
        "--country",
        "NL",
        "--source-url",
        "https://example.org/new",
        "--source-year",
        "2026",
    ],
    "diff": ["diff", "data/companies.yaml", "data/companies.yaml"],
    "coverage": ["coverage", "--region", "nijmegen"],
    "compare": ["compare", "nijmegen", "dresden"],
    "gaps": ["gaps", "--region", "nijmegen"],
    "whatif": ["whatif", "--region", "nijmegen", "--without", "alpha-nijmegen"],
    "near": ["near", "Nijmegen", "--radius-km", "100"],
    "stats": ["stats", "--region", "nijmegen"],
    "claims": ["claims"],
    "export": ["export", "--format", "json", "--output", "out.json"],
    "map-nl": ["map", "nl", "--output", "nl.html"],
    "map-region": ["map", "region", "nijmegen", "--output", "region.html"],
    "map-compare": ["map", "compare", "nijmegen", "dresden", "--output", "compare.html"],
    "report": ["report", "--region", "nijmegen", "--output", "brief"],
    "import-boundary": ["regions", "import-boundary", "../square.geojson", "--region", "nijmegen"],
    "schema": ["schema", "--output", "schema.json"],
}
# schema reads only the taxonomy: the FIFO and /dev/zero are planted there for it, and no folder.
MATRIX = {
    "FIFO": ("region file is a FIFO", "taxonomy is a FIFO"),
    "/dev/zero": ("region file links to /dev/zero", "taxonomy links to /dev/zero"),
    "linked folder": ("boundaries folder links to /dev", None),
}
SQUARE = (
    '{"type": "Polygon", '
    '"coordinates": [[[5.7, 51.7], [6.1, 51.7], [6.1, 52.0], [5.7, 52.0], [5.7, 51.7]]]}\n'
)


@pytest.mark.parametrize("planted", list(MATRIX))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_refuses_a_fifo_dev_zero_and_a_linked_folder(
    command: str, planted: str, tmp_path: Path
) -> None:
    attack = MATRIX[planted][1 if command == "schema" else 0]
    if attack is None:
        pytest.skip("schema reads no folder")
    repo = build_repo(tmp_path)
    (tmp_path / "square.geojson").write_text(SQUARE, encoding="utf-8")
    plant, named, _ = ATTACKS[attack]
    plant(repo)
    before = snapshot(tmp_path)
    result = run(repo, *COMMANDS[command])
    assert_safe(result)
    assert_refused(result, named)
    assert snapshot(tmp_path) == before


# --- writes go only where asked -----------------------------------------------------------------

OUTPUTS = {
    "report": (["report", "--region", "nijmegen", "--output", "out"], "out/brief.md"),
    "map": (["map", "nl", "--output", "out/nl.html"], "out/nl.html"),
    "export": (["export", "--format", "csv", "--output", "out/sites.csv"], "out/sites.csv"),
    "schema": (["schema", "--output", "out/schema.json"], "out/schema.json"),
}


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_an_output_planted_as_a_symlink_is_refused_not_followed(name: str, tmp_path: Path) -> None:
    repo = build_repo(tmp_path)
    args, planted = OUTPUTS[name]
    (repo / "out").mkdir()
    (repo / planted).symlink_to(tmp_path / "outside" / "victim.txt")
    before = snapshot(tmp_path)
    result = run(repo, *args)
    assert result.code == 3, result.text
    assert f"{planted} is een symbolische koppeling; er wordt niet via geschreven" in result.err
    assert_safe(result)
    # Nothing written at all: report writes its three files together or none of them.
    assert snapshot(tmp_path) == before


def test_report_into_a_folder_planted_as_a_symlink_is_refused(tmp_path: Path) -> None:
    repo = build_repo(tmp_path)
    (repo / "out").symlink_to(tmp_path / "outside" / "config")
    before = snapshot(tmp_path)
    result = run(repo, "report", "--region", "nijmegen", "--output", "out")
    assert result.code == 3, result.text
    assert "out is een symbolische koppeling; er wordt niet in geschreven" in result.err
    assert snapshot(tmp_path) == before


def test_add_and_fmt_refuse_a_registry_planted_as_a_symlink(tmp_path: Path) -> None:
    """The registry may be a link inside the data folder (it is read), but fmt and add replace
    the file, so they refuse the link instead of writing through it."""
    repo = build_repo(tmp_path)
    data = repo / "data"
    (data / "companies.yaml").rename(data / "real.yaml")
    (data / "companies.yaml").symlink_to("real.yaml")
    assert run(repo, "validate").code == 0
    before = snapshot(tmp_path)
    result = run(repo, "fmt")  # the fixture is not in canonical form: fmt would rewrite it
    assert result.code == 3, result.text
    assert "companies.yaml is een symbolische koppeling; er wordt niet via geschreven" in result.err
    assert snapshot(tmp_path) == before

    assert run(repo, "--registry", "data/real.yaml", "fmt").code == 0  # add needs canonical form
    before = snapshot(tmp_path)
    result = run(repo, *COMMANDS["add"])
    assert result.code == 3, result.text
    assert "companies.yaml is een symbolische koppeling; er wordt niet via geschreven" in result.err
    assert snapshot(tmp_path) == before


# --- an import adds, it does not delete ---------------------------------------------------------


def _import(repo: Path, *args: str, permissions: bool = False) -> Run:
    return run(
        repo,
        "regions",
        "import-boundary",
        "../square.geojson",
        "--region",
        "nijmegen",
        *args,
        permissions=permissions,
    )


def _with_square(tmp_path: Path) -> Path:
    repo = build_repo(tmp_path)
    (tmp_path / "square.geojson").write_text(SQUARE, encoding="utf-8")
    return repo


@pytest.mark.parametrize("replace", [False, True])
def test_an_import_never_replaces_a_list_of_municipalities(replace: bool, tmp_path: Path) -> None:
    """The measured attack: importing under the id of the default municipality list replaced it
    and validate still passed. Now it is refused, also with --replace, and nothing changes."""
    repo = _with_square(tmp_path)
    before = snapshot(tmp_path)
    result = _import(repo, "--definition", "mini", *(["--replace"] if replace else []))
    assert result.code == 2, result.text
    assert "afbakening 'mini' van regio 'nijmegen' is een lijst van gemeenten" in result.err
    assert "een geïmporteerde grens vervangt die nooit" in result.err
    assert "--definition mini-boundary" in result.err  # the hint
    assert_safe(result)
    assert snapshot(tmp_path) == before


def test_an_import_adds_and_replaces_only_with_replace(tmp_path: Path) -> None:
    repo = _with_square(tmp_path)
    regions = repo / "data" / "regions"
    assert _import(repo, "--definition", "nuts3").code == 0
    first = (regions / "boundaries" / "nijmegen-nuts3.geojson").read_bytes()
    region_text = (regions / "nijmegen.yaml").read_text(encoding="utf-8")
    assert region_text.startswith((MINI / "regions" / "nijmegen.yaml").read_text(encoding="utf-8"))

    before = snapshot(tmp_path)
    again = _import(repo, "--definition", "nuts3")
    assert again.code == 2 and "heeft al een afbakening 'nuts3' (type boundary)" in again.err
    radius = _import(repo, "--definition", "radius-10km")
    assert radius.code == 2 and "heeft al een afbakening 'radius-10km' (type radius)" in radius.err
    assert snapshot(tmp_path) == before

    # A second boundary under another id gets its own file: the first one is not touched.
    assert _import(repo, "--definition", "corop", "--year", "2023").code == 0
    assert (regions / "boundaries" / "nijmegen-nuts3.geojson").read_bytes() == first
    replaced = _import(repo, "--definition", "nuts3", "--replace", "--year", "2022")
    assert replaced.code == 0, replaced.text
    text = (regions / "nijmegen.yaml").read_text(encoding="utf-8")
    assert [text.count(f"id: {d}") for d in ("mini", "radius-10km", "nuts3", "corop")] == [1, 1, 1, 1]
    assert "year: 2022" in text and "year: 2023" in text and "year: 2024" not in text
    assert run(repo, "validate").code == 0


def test_a_failed_import_leaves_every_file_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The measured attack: with the regions folder read-only, the boundary file was replaced
    and the region file was not. Running as root ignores permissions, so the failure is made
    the way a read-only folder makes it: renaming the new region file into place fails."""
    from typer.testing import CliRunner

    from lifeport_map.cli import app

    repo = _with_square(tmp_path)
    regions = repo / "data" / "regions"
    args = ["--regions", str(regions), "regions", "import-boundary", str(tmp_path / "square.geojson")]
    first = CliRunner().invoke(app, [*args, "--region", "nijmegen", "--definition", "nuts3"])
    assert first.exit_code == 0, first.output
    stored = regions / "boundaries" / "nijmegen-nuts3.geojson"
    (tmp_path / "square.geojson").write_text(SQUARE.replace("6.1", "6.2"), encoding="utf-8")
    before = snapshot(tmp_path)
    real_replace = os.replace

    def read_only_regions(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst) == regions / "nijmegen.yaml":
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", read_only_regions)
    result = CliRunner().invoke(
        app, [*args, "--region", "nijmegen", "--definition", "nuts3", "--replace", "--year", "2020"]
    )
    assert result.exit_code == 3, result.output
    assert "nijmegen.yaml niet schrijven: geen toestemming; er is niets veranderd" in result.output
    assert snapshot(tmp_path) == before  # the old boundary is back, no temporary file is left
    assert b"6.2" not in stored.read_bytes()


def test_a_failed_import_in_a_read_only_folder_changes_nothing(tmp_path: Path) -> None:
    """The same with a real read-only folder; as root, the command runs without the override
    of file permissions (conftest.permissions_apply)."""
    need_permissions_to_apply()
    repo = _with_square(tmp_path)
    regions = repo / "data" / "regions"
    assert _import(repo, "--definition", "nuts3").code == 0
    (tmp_path / "square.geojson").write_text(SQUARE.replace("6.1", "6.2"), encoding="utf-8")
    before = snapshot(tmp_path)
    regions.chmod(0o555)  # the region file cannot be replaced; boundaries/ is still writable
    try:
        result = _import(repo, "--definition", "nuts3", "--replace", permissions=True)
    finally:
        regions.chmod(0o755)
    assert result.code == 3, result.text
    assert snapshot(tmp_path) == before


# --- boundary files have limits -----------------------------------------------------------------

DEEP = '{"type": "Polygon", "coordinates": ' + "[" * 100_000 + "]" * 100_000 + "}"
# (what the import says, in Dutch: the default --lang)
HOSTILE_GEOJSON = {
    "NaN": (SQUARE.replace("5.7, 51.7], [6.1", "NaN, 51.7], [6.1"), "NaN is geen getal"),
    "Infinity": (SQUARE.replace("52.0], [5.7", "Infinity], [5.7"), "Infinity is geen getal"),
    "-Infinity": (SQUARE.replace("[6.1, 51.7]", "[6.1, -Infinity]"), "-Infinity is geen getal"),
    "overflow": (SQUARE.replace("[6.1, 51.7]", "[6.1, 1e999]"), "het getal 1e999 valt buiten het bereik"),
    "long integer": (SQUARE.replace("[6.1, 51.7]", "[6.1, " + "9" * 5000 + "]"), "valt buiten het bereik"),
    "deep": (DEEP, "lijsten en objecten zijn dieper genest dan 32 niveaus"),
}
# Where each is reported, counted by hand in SQUARE: the first position's '[' is column 38, the
# second's 51, the third's 64; a value follows its '[' (and '6.1, ' in the second and third).
# DEEP's first '[' is column 36: the 32nd list (33 levels with the object) is column 67.
HOSTILE_AT = {
    "NaN": (1, 39, "coordinates[0][0][0]", "boundary.not-finite"),
    "Infinity": (1, 70, "coordinates[0][2][1]", "boundary.not-finite"),
    "-Infinity": (1, 57, "coordinates[0][1][1]", "boundary.not-finite"),
    "overflow": (1, 57, "coordinates[0][1][1]", "boundary.not-finite"),
    "long integer": (1, 57, "coordinates[0][1][1]", "boundary.not-finite"),
    "deep": (1, 67, "coordinates" + "[0]" * 31, "boundary.too-deep"),
    "huge": (1, 1, "", "boundary.too-large"),
}


def _huge(path: Path) -> None:
    with path.open("wb") as handle:  # sparse: 33 MiB on paper, nothing on disk
        handle.truncate(33 * 1024 * 1024)


@pytest.mark.parametrize("case", [*HOSTILE_GEOJSON, "huge"])
def test_a_hostile_boundary_is_refused_at_import_with_file_and_hint(case: str, tmp_path: Path) -> None:
    repo = _with_square(tmp_path)
    source = tmp_path / "square.geojson"
    if case == "huge":
        _huge(source)
        message = "het bestand is 34.603.008 bytes; de grens is 33.554.432 bytes"  # 33 and 32 MiB
    else:
        source.write_text(HOSTILE_GEOJSON[case][0], encoding="utf-8")
        message = HOSTILE_GEOJSON[case][1]
    before = snapshot(tmp_path)
    result = _import(repo, "--definition", "nuts3")
    assert result.code == 1, result.text  # invalid data (README: exit 1), not a usage error
    line, col, field, code = HOSTILE_AT[case]
    subject = f" {field}:" if field else ""
    assert f"{source.name}:{line}:{col}: fout: [{code}]{subject} " in result.err, result.err
    assert message in result.err, result.err
    assert "tip:" in result.err
    assert_safe(result)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", [*HOSTILE_GEOJSON, "huge"])
def test_a_hostile_stored_boundary_is_a_clean_error_in_validate_and_maps(case: str, tmp_path: Path) -> None:
    """The same files committed as a region's stored boundary: validate reports them at the
    boundary file's line, column and field (naming the region file's line that refers to it),
    a map refuses them; neither ends in an internal error."""
    repo = build_repo(tmp_path)
    regions = repo / "data" / "regions"
    (regions / "boundaries").mkdir()
    stored = regions / "boundaries" / "planted.geojson"
    if case == "huge":
        _huge(stored)
    else:
        stored.write_text(HOSTILE_GEOJSON[case][0], encoding="utf-8")
    with (regions / "nijmegen.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: official\n    type: boundary\n    name: {nl: grens, en: boundary}\n"
            "    boundary: boundaries/planted.geojson\n    source: {note: planted, year: 2026}\n"
        )
    before = snapshot(tmp_path)
    checked = run(repo, "validate", "--format", "github")
    assert checked.code == 1, checked.text
    line, col, field, code = HOSTILE_AT[case]
    assert f"planted.geojson,line={line},col={col},title={code} nijmegen::" in checked.out, checked.out
    # line 23: the 'boundary:' of the definition appended after line 19
    assert "(grens van afbakening 'official', nijmegen.yaml:23)" in checked.out, checked.out
    assert_safe(checked)
    drawn = run(repo, "map", "region", "nijmegen", "--definition", "official", "--output", "r.html")
    assert drawn.code == 1 and f"planted.geojson:{line}:{col}: fout: [{code}]" in drawn.err, drawn.text
    assert f"{field}: " in drawn.err if field else True
    assert_safe(drawn)
    assert snapshot(tmp_path) == before


# --- the reader and the writer themselves -------------------------------------------------------


def test_the_size_limit_caps_what_is_read_not_what_stat_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose size stat reports as 0 (as /proc files do) is still read only to the limit."""
    from lifeport_map import fileio
    from lifeport_map.errors import YamlError

    path = tmp_path / "grows.yaml"
    path.write_bytes(b"a: b\n" * 1000)
    real_fstat = os.fstat

    def zero_size(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 0, *info[7:]))

    monkeypatch.setattr(os, "fstat", zero_size)
    reads: list[int] = []
    real_read = os.read

    def counted(fd: int, size: int) -> bytes:
        reads.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", counted)
    with pytest.raises(YamlError) as info:
        fileio.read_bytes(path, max_bytes=100)
    assert info.value.issue.code == "io.too-large"
    assert sum(reads) == 101  # the limit and one byte more, never the 5,000 bytes of the file
    assert fileio.read_bytes(path, max_bytes=5000) == b"a: b\n" * 1000


def test_several_files_are_replaced_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lifeport_map import fileio
    from lifeport_map.errors import OutputError

    first, second, third = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    first.write_text("old a")
    second.write_text("old b")
    real_replace = os.replace

    def fail_third(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst) == third:
            raise OSError(28, "No space left on device")
        real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", fail_third)
    with pytest.raises(OutputError, match=r"c\.txt: No space left on device; nothing was changed"):
        fileio.write_files_atomic([(first, b"new a"), (second, b"new b"), (third, b"new c")])
    assert (first.read_text(), second.read_text(), third.exists()) == ("old a", "old b", False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    monkeypatch.setattr(os, "replace", real_replace)
    fileio.write_files_atomic([(first, b"new a"), (second, b"new b"), (third, b"new c")])
    assert [p.read_text() for p in (first, second, third)] == ["new a", "new b", "new c"]
