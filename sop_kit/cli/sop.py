"""``sop-kit sop import|diff|stats``: the SOPs themselves."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..check.output import finding_lines
from ..core.messages import text
from ..records.archive import open_archive
from .options import lang_option, library_errors, root_option
from .usage import Group


@click.group(cls=Group, help="help.sop")
def sop() -> None:
    pass


@sop.command("import", help="help.sop_import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="help.sop_import.out")
@click.option("--force", is_flag=True, help="help.sop_import.force")
@lang_option
@library_errors
def sop_import(file: Path, out: Path | None, force: bool, lang: str) -> None:
    from ..sopimport import write_import

    result = write_import(file, out, force, lang)
    for kind, title in (("problem", "import.header_problems"), ("guess", "import.header_guesses")):
        notes = [n for n in result.notes if n.kind == kind]
        if notes:
            click.echo(text(title, lang))
        for note in notes:
            where = f"{file}:{note.line}: " if note.line else f"{file}: "
            click.echo(f"  {where}{note.message(lang)}")
    click.echo(
        text("import.written", lang, path=str(result.written), steps=len(result.data.get("langkah", [])),
             roles=len(result.data.get("peran", [])))
    )  # fmt: skip
    click.echo(text("import.review_count", lang, count=sum(1 for n in result.notes if n.kind == "review")))
    for finding in result.findings:
        click.echo("\n".join(finding_lines(finding, lang)))
    click.echo(text("import.valid" if result.valid else "import.invalid", lang, count=len(result.findings)))
    sys.exit(0 if result.valid else 1)


@sop.command("diff", help="help.sop_diff")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@root_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="help.opt.format")
@click.option("--exit-code", is_flag=True, help="help.sop_diff.exit_code")
@lang_option
@library_errors
def sop_diff(a: str, b: str, root: Path, fmt: str, exit_code: bool, lang: str) -> None:
    from ..reports.diff import diff_sops, format_diff, resolve_sop

    by_number = any(Path(x).suffix.lower() not in (".yaml", ".yml") and not Path(x).is_file() for x in (a, b))
    archive = open_archive(root) if by_number else None  # files alone need no archive
    old, new = resolve_sop(a, archive), resolve_sop(b, archive)
    found = diff_sops(old, new)
    if fmt == "json":
        click.echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_diff(found, lang, old, new), nl=False)
    sys.exit(1 if exit_code and found.changes else 0)


@sop.command("stats", help="help.sop_stats")
@root_option
@click.option("--sop", "nomor", metavar="NOMOR", help="help.sop_stats.sop")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="help.opt.format")
@lang_option
@library_errors
def sop_stats(root: Path, nomor: str | None, fmt: str, lang: str) -> None:
    from ..check.audit import audit
    from ..check.run import CheckOptions
    from ..reports.stats import archive_stats, format_stats, stats_json

    found = archive_stats(audit(root, CheckOptions(trail=False)), nomor)  # cached: usually nothing is judged again
    if fmt == "json":
        click.echo(json.dumps(stats_json(found), ensure_ascii=False, indent=2))
    else:
        click.echo(format_stats(found, lang), nl=False)


COMMANDS = [sop]
