"""The district in a box: a demo school whose simulated teachers answer like teachers.

For the playground and `prepbot chat`, so a coach can try every part that is theirs (a pulse
to results, a Coffee and Curriculum series from invitation to follow-up, the queue, the
digest) in ten minutes with no Slack or Teams. The teachers are people of their own platform,
`demo`, with "(simulated)" in their names; what the bot sends them reaches this package's
messenger, which answers as a teacher would by sending clicks and forms back through the real
core (`Bot.handle`), so every path is the one real teachers take, through the ledger. Demo
time can be moved forward (`/demo skip morning`) so that scheduled messages arrive.

It runs only where the playground runs: on an install with no platform, or on the
playground's own demo database (adapters/web/__init__.py); never beside Slack or Teams.
"""

from adapters.district.clock import DemoClock
from adapters.district.district import District

__all__ = ["DemoClock", "District"]
