"""Everything stored about one person, exported or erased (anonymised where others need it).

The export walks every table with a foreign key to `people.id`, so a new feature's table is
included without changing this package. Each feature says how its tables are erased, which
are never exported and which are exported through a person's rows (bot/feature.py); the core
says it for its own tables in `rules.py`.
"""

from bot.privacy.erase import delete_person
from bot.privacy.export import export_person
from bot.privacy.handing import hand_over, work_to_hand
from bot.privacy.rules import Rules, find_person, free_text, person_links, rules_of

__all__ = ["Rules", "delete_person", "export_person", "find_person", "free_text",
           "hand_over", "person_links", "rules_of", "work_to_hand"]
