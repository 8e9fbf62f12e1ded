"""What a browser downloads for a first search query, for 20 common query shapes.

    python -m bench.search_run --cases 1000 [--photos-per-case A-B --scan-pages A-B --scale S] [--site DIR]

On the site bench/site_run.py built for that archive (bench/out/situs-<N>…/site), each query
is opened as /cari/?q=… in a fresh headless Chromium (bench/site_run.search_download: the
bytes the local server sent until the results show and nothing more is requested). The
queries are taken from the archive itself: its commonest and rarest desa and kecamatan, a case
id, an SK number, staff names, phrases of the SOP and of the clerks' notes, statuses. Target
from issue 19: every first query <= 1 MB (1,048,576 bytes) as served. The search page loads
case bundles only as a query needs them (sop_kit/site/search.py); the last line measures what
its "Cari di semua kasus" link costs, every bundle searched, for the query of most words.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bench.generate import Media, _range, archive_dir
from bench.site_run import HERE, search_download

LIMIT = 1 << 20


def queries(site: Path, root: Path) -> list[tuple[str, str]]:
    """(shape, query): 20 queries a clerk or an auditor would type, taken from this archive."""
    rows: list[dict[str, Any]] = json.loads((site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]
    desa = Counter(r["desa"] for r in rows).most_common()
    kecamatan = Counter(r["kecamatan"] for r in rows).most_common()
    case = rows[len(rows) // 2]
    numbers = next(r["nomor_sk"] for r in rows if r.get("nomor_sk"))
    sk = str(numbers[0] if isinstance(numbers, list) else numbers).split(";")[0].strip()
    staff = yaml.safe_load((root / "staf.yaml").read_text("utf-8"))["staf"]
    names = [re.sub(r",.*|\(fiktif\)", "", s["nama"]).strip() for s in staff]
    two_words = next((d for d, _ in desa if " " in d), desa[1][0])
    return [
        ("desa, the commonest", desa[0][0]),
        ("desa, the rarest", desa[-1][0]),
        ("desa of two words (or the second commonest)", two_words),
        ("kecamatan, the commonest", kecamatan[0][0]),
        ("kecamatan, the rarest", kecamatan[-1][0]),
        ("case id", case["id"]),
        ("case id, its random part", case["id"].rsplit("-", 1)[-1]),
        ("SK number", sk),
        ("SK number, the office's part", sk.split("/")[2] if sk.count("/") >= 2 else sk),
        ("staff name, full", names[len(names) // 2]),
        ("staff name, one word", names[0].split()[-1]),
        ("SOP phrase: the SOP's title", "pembinaan ketahanan keluarga"),
        ("SOP phrase: a step", "penetapan lokasi rawan"),
        ("SOP word: a step", "koordinasi"),
        ("SOP number", "61.1.D.049/I/2020"),
        ("status: done", "selesai"),
        ("status: waiting for the decision", "menunggu keputusan"),
        ("year and month", case["id"][:7]),
        ("phrase of the clerks' notes", "pendampingan lanjutan oleh kader"),
        ("document type", "surat keputusan"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--photos-per-case", type=_range, default=(1, 3), help="as given to bench/site_run.py")
    parser.add_argument("--scan-pages", type=_range, default=(1, 4))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--site", type=Path, help="the built site (default: bench/site_run.py's for the archive)")
    args = parser.parse_args()
    repo = archive_dir(args.cases, Media(args.photos_per_case, args.scan_pages, args.scale))
    root = repo / "records"
    site = args.site or HERE / "out" / repo.name.replace("arsip-", "situs-") / "site"
    rows: list[dict[str, Any]] = []
    for shape, query in queries(site, root):
        try:
            got = search_download(site, query, HERE / "out" / "chromium-search")
        except (SystemExit, Exception) as exc:  # a query without results is a row too
            rows.append({"shape": shape, "query": query, "error": str(exc).splitlines()[0][:120]})
            print(f"{shape}: {query!r}: {rows[-1]['error']}", file=sys.stderr, flush=True)
            continue
        rows.append({"shape": shape, **got})  # with every file served, in search.json
        print(f"{shape}: {query!r}: {got['bytes']} bytes, {got['results']} results", file=sys.stderr, flush=True)
    (site.parent / "search.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print("| query shape | query | results shown | requests | KB served (of it Pagefind) | KB if gzipped | ≤ 1 MB |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        if "error" in r:
            print(f"| {r['shape']} | `{r['query']}` | — | — | {r['error']} | — | — |")
            continue
        ok = "yes" if r["bytes"] <= LIMIT else "**no**"
        print(
            f"| {r['shape']} | `{r['query']}` | {r['results']} | {r['requests']} "
            f"| {r['bytes'] / 1024:.0f} ({r['pagefind'] / 1024:.0f}) | {r['gzipped'] / 1024:.0f} | {ok} |"
        )
    worst = max((r for r in rows if "error" not in r), key=lambda r: int(r["bytes"]))
    print(f"\nlargest: {int(worst['bytes']) / 1024:.0f} KB for {worst['query']!r} ({worst['shape']})")
    # What "Cari di semua kasus" costs (every bundle searched) for the query with most words.
    longest = max((r for r in rows if "error" not in r), key=lambda r: len(str(r["query"]).split()))
    every = search_download(site, str(longest["query"]), HERE / "out" / "chromium-search", "&semua=1")
    print(
        f"every case searched (Cari di semua kasus) for {longest['query']!r}: {every['requests']} requests, "
        f"{every['bytes'] / 1024:.0f} KB ({every['gzipped'] / 1024:.0f} KB if gzipped)"
    )


if __name__ == "__main__":
    main()
