"""Starting a whole stack for the tests: the servers side by side, then the services side by side.

`stack up` starts one process at a time, each healthy before the next. A test fixture only waits
for all of them, and on two cores one start at a time leaves a core idle while a service imports
its libraries or loads its spaCy model. Every process is still waited for until its own check
passes (the same `Stack.up`, one name per thread); the services start once Kafka and
Elasticsearch are up, as in `stack up`.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from newsflow_cli.components import ALL, INFRA
from newsflow_cli.stack import Stack

# The fault tests' Kafka and Elasticsearch JVMs compile with C1 only: they start and restart
# many times, under load a few hundred messages a second, which C1's code serves. Kafka and
# Elasticsearch side by side, from JVM start to healthy (two runs each, load 7-9): 13.6 / 19.4 s
# -> 11.2 / 11.3 s; CPU at healthy Kafka 4.8 / 4.5 -> 2.8 / 2.4 s, Elasticsearch 6.7 / 6.9 ->
# 3.8 / 3.5 s.
FAST_JVM = {"JAVA_TOOL_OPTIONS": "-XX:TieredStopAtLevel=1"}


def up_side_by_side(stack: Stack, names: Iterable[str] = ALL) -> None:
    """`stack.up(names)`, the servers beside each other, then the services beside each other.

    `kafka` and `elasticsearch` name all the nodes of a cluster, which start together as in
    `Stack.up`. Raises the first start-up failure once every start has ended.
    """
    names = list(names)
    servers = [n for n in names if n.partition("-")[0] in INFRA]
    services = [n for n in names if n not in servers]
    for phase in (servers, services):
        if phase:
            with ThreadPoolExecutor(len(phase)) as pool:
                for _ in pool.map(lambda name: stack.up([name]), phase):
                    pass
