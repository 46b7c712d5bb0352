"""Edits survive a kill and keep the file's identity (issue 17, deliverable 6): `fmt`, `add`
and `regions import-boundary` write through fileio.write_files_atomic, which keeps the owner,
mode, line ends and hard links of the file, keeps `%YAML` directives and column-0 comments
(fmt), removes what a killed run left (and says so), and never loses a concurrent edit.

The kill test here is short (a few kills at random moments); bench/kill_loop.py runs it at length.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map import fileio
from lifeport_map.add import NewSite, add_site
from lifeport_map.cli import app
from lifeport_map.errors import ChangedOnDiskError, LifeportError, OutputError, YamlError
from lifeport_map.fileio import clean_up, write_bytes_atomic
from lifeport_map.fmt import format_text

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
CANONICAL = (CONTRIB / "companies.yaml").read_text(encoding="utf-8")
# Not canonical: a quoted URL written plain; fmt puts the quotes back.
UNFORMATTED = CANONICAL.replace('url: "https://example.org/alpha"', "url: https://example.org/alpha", 1)
ROOT = Path(__file__).resolve().parents[1]


def fmt(path: Path, lang: str = "nl") -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["--registry", str(path), "--regions", str(CONTRIB / "regions"), "fmt", "--lang", lang]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


def test_the_unformatted_text_differs_only_by_its_quotes() -> None:
    assert UNFORMATTED != CANONICAL and format_text(UNFORMATTED) == CANONICAL


# --- what fmt keeps -----------------------------------------------------------------------------


def test_fmt_keeps_a_yaml_directive_and_a_column_0_comment_inside_an_entry() -> None:
    text = "%YAML 1.2\n# about the directive\n---\n" + UNFORMATTED.replace(
        "    kind: idm\n", "# a note at column 0, about the kind\n    kind: idm\n", 1
    )
    expected = "%YAML 1.2\n# about the directive\n---\n" + CANONICAL.replace(
        "    kind: idm\n", "# a note at column 0, about the kind\n    kind: idm\n", 1
    )
    assert format_text(text) == expected
    assert format_text(expected) == expected  # and stays so


def test_fmt_keeps_a_document_start_marker() -> None:
    assert format_text("---\n" + UNFORMATTED) == "---\n" + CANONICAL


SQUARE = (
    '{"type": "Polygon", "coordinates": [[[5.7, 51.7], [6.1, 51.7], [6.1, 52.0], [5.7, 52.0], [5.7, 51.7]]]}'
)
MINI_REGIONS = Path(__file__).resolve().parent / "fixtures" / "mini" / "regions"


def _edit(command: str, tmp_path: Path) -> tuple[Path, list[str]]:
    """The file ``command`` edits (written here as it was before, LF line ends) and the
    arguments that make it edit it."""
    if command == "import-boundary":
        regions = tmp_path / "regions"
        shutil.copytree(MINI_REGIONS, regions)
        (tmp_path / "square.geojson").write_text(SQUARE, encoding="utf-8")
        args = ["--regions", str(regions), "regions", "import-boundary", str(tmp_path / "square.geojson")]
        return regions / "nijmegen.yaml", [*args, "--region", "nijmegen", "--definition", "nuts3"]
    path = tmp_path / "data" / "companies.yaml"
    path.parent.mkdir()
    path.write_text(UNFORMATTED if command == "fmt" else CANONICAL, encoding="utf-8")
    args = ["--registry", str(path), "--regions", str(CONTRIB / "regions")]
    if command == "fmt":
        return path, [*args, "fmt"]
    new = ["--name", "Acme Works", "--organisation", "Acme", "--place", "Nijmegen", "--kind", "supplier"]
    new += ["--activity", "equipment-components", "--country", "NL", "--source-year", "2026"]
    return path, [*args, "add", "--no-interactive", *new, "--source-url", "https://acme.example.org/news"]


@pytest.mark.parametrize("command", ["fmt", "add", "import-boundary"])
def test_an_edit_keeps_owner_group_mode_line_ends_and_hard_links(command: str, tmp_path: Path) -> None:
    """The file belongs to another user and group (65534, nobody) than the one running the
    command: possible to set up only as root, as every test here runs; as another user the
    owner is the runner's, and the test checks the rest."""
    path, args = _edit(command, tmp_path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    os.chmod(path, 0o640)
    owner = (65534, 65534) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(path, *owner)
    link = path.with_name("linked.yaml")
    os.link(path, link)
    inode = os.stat(path).st_ino
    done = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert done.exit_code == 0, done.output
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == owner
    assert (info.st_ino, info.st_nlink, info.st_mode & 0o777) == (inode, 2, 0o640)
    written = path.read_bytes()
    assert written.count(b"\r\n") == written.count(b"\n") > 0  # every line end still CRLF
    assert link.read_bytes() == written  # the other name sees the edit
    edited = written.decode("utf-8").replace("\r\n", "\n")
    if command == "fmt":
        assert edited == CANONICAL
    elif command == "add":
        assert "- id: acme-nijmegen\n" in edited and format_text(edited) == edited
    else:
        assert "  - id: nuts3\n    type: boundary\n" in edited
        assert "    boundary: boundaries/nijmegen-nuts3.geojson\n" in edited
    assert not [p.name for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file


# --- what a killed run leaves ---------------------------------------------------------------------


def test_the_next_run_removes_a_stale_temporary_file_and_says_so(tmp_path: Path) -> None:
    """In the command's language: Dutch by default, English with --lang en."""
    path = tmp_path / "companies.yaml"
    path.write_text(CANONICAL, encoding="utf-8")  # nothing to format: fmt still cleans up
    stale = tmp_path / ".companies.yaml.k1ll3d00.tmp"
    for lang, said in (
        ("nl", f"lifeport-map: {stale} verwijderd; een afgebroken opdracht had het achtergelaten\n"),
        ("en", f"lifeport-map: removed {stale}, left by an interrupted run\n"),
    ):
        stale.write_text(CANONICAL[:100], encoding="utf-8")
        code, err = fmt(path, lang)
        assert code == 0
        assert err.startswith(said), err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["companies.yaml"]


def test_the_next_run_completes_an_interrupted_write_in_place(tmp_path: Path) -> None:
    """Killed after the verified copy was in place and half of the file was written."""
    path = tmp_path / "companies.yaml"
    path.write_text(UNFORMATTED[:200], encoding="utf-8")  # half written
    os.link(path, tmp_path / "linked.yaml")
    for lang, said in (
        (
            "nl",
            f"lifeport-map: het schrijven van {path} dat een afgebroken opdracht was begonnen, is "
            "afgemaakt (met .companies.yaml.inplace)\n",
        ),
        (
            "en",
            f"lifeport-map: completed the write of {path} that an interrupted run had begun "
            "(from .companies.yaml.inplace)\n",
        ),
    ):
        with path.open("r+", encoding="utf-8") as half:  # the same file (both names), half written
            half.write(UNFORMATTED[:200])
            half.truncate()
        (tmp_path / ".companies.yaml.inplace").write_text(CANONICAL, encoding="utf-8")
        code, err = fmt(path, lang)
        assert code == 0, err
        assert err.startswith(said), err
        assert path.read_text(encoding="utf-8") == CANONICAL
        assert (tmp_path / "linked.yaml").read_text(encoding="utf-8") == CANONICAL
        assert sorted(p.name for p in tmp_path.iterdir()) == ["companies.yaml", "linked.yaml"]


WRITER = """
import sys
from pathlib import Path
from lifeport_map.fileio import write_bytes_atomic
path = Path(sys.argv[1])
contents = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
print("ready", flush=True)
i = 0
while True:
    write_bytes_atomic(path, contents[i % 2])
    i += 1
"""


def _writer_files(tmp_path: Path) -> tuple[bytes, bytes, bytes, Path]:
    """The original text and the two texts A and B a writer process swaps in (A and B also
    written to ``tmp_path/a`` and ``tmp_path/b`` for it), and the path of the file it writes,
    in an empty folder ``tmp_path/work``."""
    original = b"original\n" * 1000
    a, b = b"A" * 3_000_000 + b"\n", b"B" * 2_000_000 + b"\n"
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    folder = tmp_path / "work"
    folder.mkdir()
    return original, a, b, folder / "file.yaml"


def kill_at_random_moments(tmp_path: Path, rounds: int, *, hard_link: bool, seed: int) -> int:
    """Kill a writer that replaces a file with A or B in a loop, ``rounds`` times at random
    moments; after each kill the file is the original, A or B (or, written in place, completed
    to one of them by the next run) and nothing else is left. Returns how often it was caught
    in the middle of a write in place."""
    rng = random.Random(seed)
    original, a, b, path = _writer_files(tmp_path)
    folder = path.parent
    caught = 0
    for _ in range(rounds):
        path.write_bytes(original)
        if hard_link:
            os.link(path, folder / "link.yaml")
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(tmp_path / "a"), str(tmp_path / "b")],
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        in_place = (folder / ".file.yaml.inplace").exists()
        caught += in_place
        if not in_place:
            assert path.read_bytes() in (original, a, b)
        else:  # perhaps half written: readers refuse it until a writer completes it
            with pytest.raises(YamlError, match="write in place of this file was interrupted"):
                fileio.read_bytes(path, max_bytes=len(a) + 1)
        clean_up(path)
        assert path.read_bytes() in (original, a, b)
        expected = ["file.yaml", "link.yaml"] if hard_link else ["file.yaml"]
        assert sorted(p.name for p in folder.iterdir()) == expected
        if hard_link:
            assert (folder / "link.yaml").read_bytes() == path.read_bytes()
            (folder / "link.yaml").unlink()
    return caught


@pytest.mark.parametrize("hard_link", [False, True], ids=["renamed", "in-place"])
def test_a_kill_at_a_random_moment_leaves_the_old_or_the_new_file(tmp_path: Path, hard_link: bool) -> None:
    kill_at_random_moments(tmp_path, 3, hard_link=hard_link, seed=17)


# --- two writers at once ----------------------------------------------------------------------------


def test_concurrent_writers_never_lose_an_edit(tmp_path: Path) -> None:
    """Eight writers each add one line to the same file by read, change, compare-and-write;
    one that finds the file changed under it reads again. Every line arrives."""
    path = tmp_path / "log.yaml"
    path.write_bytes(b"lines:\n")
    refused = []

    def writer(n: int) -> None:
        while True:
            before = path.read_bytes()
            time.sleep(0.001)
            try:
                write_bytes_atomic(path, before + f"  - {n}\n".encode(), expected=before)
                return
            except OutputError as error:
                assert "changed on disk since it was read" in error.message
                refused.append(n)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "lines:" and sorted(lines[1:]) == [f"  - {n}" for n in range(8)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.yaml"]


def test_two_adds_at_once_both_arrive(tmp_path: Path) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    common = [
        "--kind",
        "supplier",
        "--activity",
        "equipment-components",
        "--country",
        "NL",
        "--source-year",
        "2026",
    ]
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lifeport_map",
                "--registry",
                str(path),
                "--regions",
                str(CONTRIB / "regions"),
                "add",
                "--no-interactive",
                "--name",
                f"{name} Works",
                "--organisation",
                name,
                "--place",
                place,
                "--source-url",
                f"https://{name.lower()}.example.org/news",
                *common,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for name, place in (("Acme", "Nijmegen"), ("Bolt", "Arnhem"))
    ]
    outcomes = [(run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs]
    text = path.read_text(encoding="utf-8")
    # the one that finds the file changed does its edit again on the new content
    for (code, err), site in zip(outcomes, ("acme-nijmegen", "bolt-arnhem"), strict=True):
        assert code == 0, err
        assert text.count(f"- id: {site}\n") == 1, err
    assert format_text(text) == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["companies.yaml"]


def _site(name: str, place: str) -> NewSite:
    return NewSite(
        name=f"{name} Works",
        organisation=name,
        kind="supplier",
        activities=("equipment-components",),
        place=place,
        country="NL",
        source_year=2026,
        source_url=f"https://{name.lower()}.example.org/news",
    )


def _interleaved(monkeypatch: pytest.MonkeyPatch, path: Path, others: list[NewSite]) -> None:
    """Before each of add's next writes, another add (of ``others``, in turn) lands first."""
    real = fileio.write_bytes_atomic

    def write(target: Path, data: bytes, *, expected: bytes | None = None) -> list[str]:
        if others:
            monkeypatch.setattr(fileio, "write_bytes_atomic", real)
            add_site(path, others.pop(0), regions_dir=CONTRIB / "regions")
            monkeypatch.setattr(fileio, "write_bytes_atomic", write)
        return real(target, data, expected=expected)

    monkeypatch.setattr(fileio, "write_bytes_atomic", write)


def test_an_add_that_finds_the_file_changed_adds_to_the_new_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    _interleaved(monkeypatch, path, [_site("Bolt", "Arnhem")])
    outcome = add_site(path, _site("Acme", "Nijmegen"), regions_dir=CONTRIB / "regions")
    text = path.read_text(encoding="utf-8")
    assert text.count("- id: acme-nijmegen\n") == 1 and text.count("- id: bolt-arnhem\n") == 1
    assert text.splitlines()[outcome.line - 1].strip() == "- id: acme-nijmegen"
    assert text.count("- id: ") == CANONICAL.count("- id: ") + 2


def test_the_retry_checks_duplicates_against_the_new_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    _interleaved(monkeypatch, path, [_site("Acme", "Nijmegen")])  # the same site lands first
    with pytest.raises(LifeportError) as caught:
        add_site(path, _site("Acme", "Nijmegen"), regions_dir=CONTRIB / "regions")
    assert not isinstance(caught.value, ChangedOnDiskError)
    assert "acme-nijmegen" in str(caught.value)
    assert path.read_text(encoding="utf-8").count("- id: acme-nijmegen\n") == 1


def test_an_add_that_finds_the_file_changed_twice_names_it_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    _interleaved(monkeypatch, path, [_site("Bolt", "Arnhem"), _site("Cole", "Ede")])
    with pytest.raises(ChangedOnDiskError) as caught:
        add_site(path, _site("Acme", "Nijmegen"), regions_dir=CONTRIB / "regions")
    assert caught.value.exit_code == 3
    assert str(caught.value) == (
        f"{path} changed on disk twice while the entry was being added (another program is "
        "writing it); nothing was written"
    )
    assert caught.value.hint == "run the same 'lifeport-map add' again once the other program has finished"
    assert caught.value.in_lang("nl") == (
        f"{path} is twee keer op schijf veranderd terwijl de vermelding werd toegevoegd (een ander "
        "programma schrijft erin); er is niets geschreven",
        "voer dezelfde 'lifeport-map add' opnieuw uit zodra het andere programma klaar is",
    )
    text = path.read_text(encoding="utf-8")
    assert "- id: acme-nijmegen\n" not in text
    assert "- id: bolt-arnhem\n" in text and "- id: cole-ede\n" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["companies.yaml"]


def _read_until(fd: int, wanted: str, seen: bytearray, timeout: float = 60) -> None:
    import select

    deadline = time.monotonic() + timeout
    while wanted.encode() not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"no {wanted!r} on the terminal; got {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            assert chunk, f"terminal closed before {wanted!r}; got {bytes(seen)!r}"
            seen.extend(chunk)


@pytest.mark.parametrize("answers", [0, 1, 2, 3], ids=["first-question", "second", "third", "fourth"])
def test_ctrl_c_in_adds_questions_leaves_the_file_as_it_was(tmp_path: Path, answers: int) -> None:
    """A real Ctrl-C: `add` runs on a pseudo-terminal that is its controlling terminal, and ^C is
    typed into it, so the terminal driver sends SIGINT to add's process group as a shell would.
    It is typed the moment the question shows, not once add waits in a read: input() wrote the
    question and then blocked in read(), and a ^C landing between the two was acted on only
    after Enter (the child then 'did not exit within 60 s of ^C'); add now reads the answer with
    select() on the terminal and on the signal's wakeup pipe (commands.contrib._read_line)."""
    import fcntl
    import pty
    import signal
    import termios

    path = tmp_path / "companies.yaml"
    path.write_bytes(CANONICAL.encode("utf-8"))
    before = path.read_bytes()
    master, slave = pty.openpty()

    def own_terminal() -> None:
        # A shell starts background jobs with SIGINT ignored, and exec keeps that: give the
        # child the default a user's terminal gives it, whatever started the test run.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = {k: v for k, v in os.environ.items() if k != "LIFEPORT_DEBUG"}
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lifeport_map",
            "--registry",
            str(path),
            "--regions",
            str(CONTRIB / "regions"),
            "add",
        ],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
        preexec_fn=own_terminal,  # the child needs the terminal as its controlling terminal
    )
    os.close(slave)
    seen = bytearray()
    try:
        questions = ["Naam van de vestiging", "Organisatie", "Soort", "Activiteiten"]  # Dutch by default
        replies = ["Acme Works", "Acme", "supplier"]
        for question, reply in zip(questions[:answers], replies[:answers], strict=True):
            _read_until(master, question, seen)
            os.write(master, reply.encode() + b"\r")
        _read_until(master, questions[answers], seen)
        os.write(master, b"\x03")  # ^C, as typed, wherever add is
        code = child.wait(timeout=60)
        stderr = child.stderr.read().decode("utf-8") if child.stderr else ""
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    # Documented in `add --help`: Ctrl-C or end of input stops with nothing written, exit 1.
    assert code == 1, (code, stderr, bytes(seen))
    assert "add afgebroken; er is niets geschreven" in stderr, stderr
    assert "Traceback" not in stderr + seen.decode("utf-8", "replace")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["companies.yaml"]


# --- readers during a write in place --------------------------------------------------------------


def read_while_writing(tmp_path: Path, seconds: float, *, locked: bool = True) -> tuple[int, int]:
    """Read a hard-linked file (written in place) with fileio.read_bytes in a loop for ``seconds``
    while a writer process replaces it with A or B over and over; returns (reads, torn reads):
    reads that were neither the original, A nor B."""
    original, a, b, path = _writer_files(tmp_path)
    folder = path.parent
    path.write_bytes(original)
    os.link(path, folder / "link.yaml")  # so every write is a write in place
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(tmp_path / "a"), str(tmp_path / "b")],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    reads = torn = 0
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            data = fileio.read_bytes(path, max_bytes=4_000_000, locked=locked)
            reads += 1
            torn += data not in (original, a, b)
    finally:
        child.kill()
        child.wait()
    return reads, torn


def test_a_reader_never_sees_a_half_written_file(tmp_path: Path) -> None:
    reads, torn = read_while_writing(tmp_path, 2.0)
    assert reads > 0 and torn == 0, (reads, torn)


def test_a_file_whose_write_in_place_was_interrupted_is_not_read(tmp_path: Path) -> None:
    """Killed half-way through a write in place: readers refuse the file (exit 3, with the
    copy named) until a writer completes it; nothing is changed by reading."""
    path = tmp_path / "companies.yaml"
    path.write_text(CANONICAL[:200], encoding="utf-8")  # half written
    os.link(path, tmp_path / "linked.yaml")
    (tmp_path / ".companies.yaml.inplace").write_text(CANONICAL, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(YamlError) as caught:
        fileio.read_bytes(path, max_bytes=1_000_000)
    assert caught.value.issue.code == "io.interrupted-write" and caught.value.exit_code == 3
    result = CliRunner().invoke(
        app, ["--registry", str(path), "--regions", str(CONTRIB / "regions"), "validate", "--lang", "en"]
    )
    assert result.exit_code == 3, result.stdout + result.stderr
    assert f"{path}: error: [io.interrupted-write]" in result.stdout + result.stderr
    assert ".companies.yaml.inplace lies beside it" in result.stdout + result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    code, err = fmt(path)  # a writer completes it; then it reads as the new content
    assert code == 0, err
    assert fileio.read_bytes(path, max_bytes=1_000_000) == CANONICAL.encode("utf-8")


def test_a_reader_waits_for_the_writer_to_finish(tmp_path: Path) -> None:
    """A writer holds the folder's lock (here for 0.3 s, as write_files_atomic does while it
    writes): a reader waits and then reads what the writer wrote."""
    import fcntl

    path = tmp_path / "companies.yaml"
    path.write_text("old\n", encoding="utf-8")
    locked = threading.Event()

    def writer() -> None:
        fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            locked.set()
            path.write_text("half", encoding="utf-8")
            time.sleep(0.3)
            path.write_text("new\n", encoding="utf-8")
        finally:
            os.close(fd)

    thread = threading.Thread(target=writer)
    thread.start()
    assert locked.wait(10)
    started = time.monotonic()
    data = fileio.read_bytes(path, max_bytes=100)
    waited = time.monotonic() - started
    thread.join()
    assert data == b"new\n" and waited >= 0.2, (data, waited)
