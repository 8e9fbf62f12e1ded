"""The cycle collector is kept off what a command loaded (sop_kit.core.collector), and given
everything back when the command ends: a library caller's memory is never held."""

from __future__ import annotations

import gc
import os
import signal
import weakref
from pathlib import Path

import pytest

from sop_kit.check.run import CheckOptions
from sop_kit.core import collector
from sop_kit.core.cache import read_json, write_json
from sop_kit.site.build import SiteOptions
from tests.conftest import MakeArchive, judge, site_build


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_settled_objects_are_left_alone_until_the_outermost_block_ends() -> None:
    assert gc.get_freeze_count() == 0
    collector.settle()  # outside any block: nothing happens
    assert gc.get_freeze_count() == 0
    with collector.kept():
        node = _Node()
        alive = weakref.ref(node)
        collector.settle()
        assert gc.get_freeze_count() > 0
        del node
        with collector.kept():
            pass  # an inner block (check inside build) gives nothing back
        gc.collect()
        assert alive() is not None  # settled: no collection walks it
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert alive() is None  # the garbage made meanwhile is collected after the block


def test_a_cache_read_leaves_the_collector_on_and_settles_inside_a_block(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    write_json(good, {"kasus": [{"id": str(i)} for i in range(100)]})
    bad.write_bytes(b"{not json")
    assert read_json(bad) is None and gc.isenabled()
    assert read_json(good)["kasus"][99] == {"id": "99"} and gc.isenabled()
    assert gc.get_freeze_count() == 0  # outside a block: nothing settled
    with collector.kept():
        read_json(good)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_check_and_build_give_everything_back(make_archive: MakeArchive, tmp_path: Path) -> None:
    """The library's two long calls settle what they load while they run, and leave the
    collector as they found it: a test process or a long-lived caller holds nothing more."""
    root = make_archive()
    cache = tmp_path / "cache"
    report = judge(root, CheckOptions(cache_dir=cache))
    assert report.verdicts and gc.get_freeze_count() == 0
    judge(root, CheckOptions(cache_dir=cache))  # with the verdicts read from the cache
    assert gc.get_freeze_count() == 0
    site_build(root, SiteOptions(out=tmp_path / "site", cache_dir=cache, pdf=False))
    assert (tmp_path / "site" / "index.html").is_file() and gc.get_freeze_count() == 0


class _InterruptedWhileCollected:
    """A cycle whose finalizer is running when Ctrl+C comes (WeasyPrint's font configurations
    are such cycles): Python raises the interrupt inside the finalizer, prints it and drops it."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)


def test_between_builds_the_garbage_goes_and_a_ctrl_c_during_it_is_not_lost() -> None:
    with collector.kept():
        node = _Node()
        gone = weakref.ref(node)
        collector.settle()
        del node
        collector.between()
        assert gone() is None and gc.get_freeze_count() > 0  # collected; what stays is settled again
        _InterruptedWhileCollected()
        with pytest.raises(KeyboardInterrupt):
            collector.between()  # the watch ends as on any other Ctrl+C
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler and gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    collector.between()  # outside a block: nothing to give back, nothing settled
    assert gc.get_freeze_count() == 0
