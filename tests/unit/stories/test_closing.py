"""Closing Kafka clients after a failed batch: aiokafka's stop() can raise the CancelledError of
the fetch task it cancels (seen when a batch failed during a two-broker outage), and that must
not end the service; a cancellation of the worker itself still must."""

import asyncio

import pytest
from newsflow_stories.worker import close_quietly


class _StopCancelsInside:
    """A client whose stop() lets out the CancelledError of a task it cancelled inside."""

    async def stop(self) -> None:
        inner = asyncio.create_task(asyncio.sleep(10))
        await asyncio.sleep(0)
        inner.cancel()
        await inner


class _StopsSlowly:
    async def stop(self) -> None:
        await asyncio.sleep(10)


async def test_a_cancelled_error_from_inside_stop_does_not_escape() -> None:
    await close_quietly(_StopCancelsInside(), "consumer")


async def test_the_worker_being_cancelled_still_stops_it() -> None:
    task = asyncio.create_task(close_quietly(_StopsSlowly(), "consumer"))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
