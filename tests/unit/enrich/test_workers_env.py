"""The enrich pool's spawned processes run numpy's OpenBLAS with one thread (workers.Pool), unless
the environment already says how many."""

import multiprocessing
import os

import pytest
from newsflow_enrich import workers


def _threads_after_numpy() -> int:
    import numpy  # noqa: F401  (the import starts OpenBLAS's threads)

    return len(os.listdir(f"/proc/{os.getpid()}/task"))


def _spawned_threads() -> int:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(_threads_after_numpy)


@pytest.fixture
def no_blas_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)


def test_a_spawned_process_has_one_thread_after_numpy(no_blas_setting: None) -> None:
    workers.single_threaded_blas()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert _spawned_threads() == 1


def test_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    workers.single_threaded_blas()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "2"
