"""The masker on corpora written blind with their district's staff directory (staff_*.jsonl,
each beside its staff_*.staff.txt): knowing the directory spares colleagues without giving
students away. a, b, e and f were read and tuned on; c, d, g and h are held out, never read (their
figures only, here and in docs/masking.md). The figures reached are asserted, so that a
change cannot make them worse unnoticed; `python bench/masking_staff.py` prints them beside
the masker without the directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import forget_staff, know_staff, use_staff_names
from tests.bot.test_masking import CORPUS, TODAY, is_masked

# corpus: {level of PREPBOT_MASKING_STAFF: (identifiers masked at least, tech texts altered
# at most, of 100)}, with the figures before each, the rules alone first. Last, rules read
# from a, b, e and f's misses (PO and HC boxes and General Delivery, a family word just
# before a name, "III" after one) hid one more of a, c, d (at all) and e, four more of f, and
# one more of the attack's at all (35).
FIGURES = {
    # Tuning (read). Without: 217 of 229 / 30. All, as first written, 216 / 4, then 217 / 1
    # (initials that must agree, a word of a hidden name stays hidden, nicknames, a
    # colleague's laptop and account no student's).
    "staff_a.jsonl": {"whole": (218, 18), "context": (220, 6), "all": (218, 1)},
    # Without: 233 of 238 / 45. All: 232 / 9 first, then 233 / 3; 233 / 4 once nicknames had
    # to begin alike (a vendor's "Tricia" had been spared as a colleague Patricia's nickname).
    # Whole: 30, then 31 at stop 56, when Spanish nicknames became first names ("Le avisé a
    # Chuy": a colleague here, a student in the Spanish corpora it was weighed on).
    "staff_b.jsonl": {"whole": (233, 31), "context": (233, 23), "all": (233, 4)},
    # Held out, never read (figures only). Without: 228 of 246 / 35. All: 225 / 7 after a and
    # b, 228 / 4 after e, and after f the same.
    "staff_c.jsonl": {"whole": (229, 18), "context": (234, 12), "all": (229, 4)},
    # Held out, never read. Without: 229 of 242 / 27. All: 228 / 3 after a and b, 227 / 2
    # after e (one more identifier through; not looked for), 228 / 2 after f.
    "staff_d.jsonl": {"whole": (229, 18), "context": (231, 13), "all": (229, 2)},
    # Tuning, written with 34 collisions. Without: 243 of 249 / 41. All, as the rule stood
    # after a and b: 238 / 7; after reading it (a bracket that says "(student)" or
    # "(kindergarten"; "nephew", "niece", "grandson"; a family name a hidden relative shares;
    # a colleague's initial; a list of colleagues' first names; no English word let go that is
    # a first name; nicknames that begin alike; for colleagues no pronoun or test-talk cue)
    # 242 / 3. The student through is named as a colleague is, whole ("john schultz").
    "staff_e.jsonl": {"whole": (243, 22), "context": (245, 14), "all": (243, 3)},
    # Tuning, 31 collisions (Gallup and the Navajo Nation, Filipino colleagues). Without: 244
    # of 262 / 32. All, as the rule stood after e, 238 / 12; after reading it (a name or a
    # part of it hidden elsewhere as a student's, a sentence that says "the student, not our
    # Jerome" or "the 11th grader", "lunch #" in a bracket, "Ms. dela Cruz's 3rd period",
    # "Ma'am Cheryl") 244 / 4; the rules alone now alter 24.
    "staff_f.jsonl": {"whole": (248, 20), "context": (249, 16), "all": (248, 4)},
    # Held out, written while e and f were read, scored once at the end (figures only):
    # Savannah and Boston. The masker the round started from: 235 of 254 / 30 and 236 of 245
    # / 47; the round's rules alone the same. Rescored after the last rules: no change.
    "staff_g.jsonl": {"whole": (235, 23), "context": (241, 13), "all": (235, 5)},
    "staff_h.jsonl": {"whole": (235, 33), "context": (238, 23), "all": (235, 9)},
}
# Written blind at stop 54 with their directories (test_masking_heldout.py says how), scored
# once: without the directory 188 of 208 / 17, 185 of 201 / 11, 186 of 208 / 8; knowing it,
# whole 188 / 13, 185 / 7, 186 / 7 and all 187 / 5, 185 / 4, 185 / 3. Read and tuned on at
# stop 55 (what is asserted: its rules hid seven more and altered none more).
BLIND_54 = {"heldout44.jsonl": {"whole": (193, 13), "context": (194, 8), "all": (191, 5)},
            "heldout45.jsonl": {"whole": (186, 7), "context": (187, 4), "all": (186, 4)},
            "heldout46.jsonl": {"whole": (191, 7), "context": (191, 6), "all": (190, 3)}}
# Written blind at stop 55 with their directories and schools, never read (figures only).
# 47 to 49 were sealed while the round's rules were written, then scored with the masker
# before it, after its first rules (which knew the schools and kept a colleague's first
# name signing a message) and after its last (those two taken out, below): whole 176 / 8,
# 191 / 5, 180 / 10, then 176 / 8 (4 knowing the schools), 191 / 5, 180 / 9, then what is
# asserted. 50 to 52 were written meanwhile and scored before and after the round's last
# rules: the same both times. All six were scored again after each later red team's fixes
# (figures only): the same each time.
BLIND_55 = {"heldout47.jsonl": {"whole": (176, 8), "context": (176, 6), "all": (176, 5)},
            "heldout48.jsonl": {"whole": (191, 5), "context": (192, 4), "all": (190, 2)},
            "heldout49.jsonl": {"whole": (182, 10), "context": (182, 7), "all": (182, 3)},
            "heldout50.jsonl": {"whole": (195, 9), "context": (195, 9), "all": (194, 8)},
            "heldout51.jsonl": {"whole": (178, 5), "context": (178, 3), "all": (176, 1)},
            "heldout52.jsonl": {"whole": (201, 6), "context": (204, 6), "all": (199, 5)}}
# Written at stop 56 in Spanish (test_masking_heldout.py says how): 53 and 55 never read, 54
# read and tuned on. Knowing the directory, before the round and after: 53 whole 142 / 11,
# all 139 / 6, then what is asserted; 55 whole 168 / 23, all 163 / 17, then what is
# asserted; 54 whole 160 / 14, all 158 / 8, then what is asserted.
BLIND_56 = {"heldout53.jsonl": {"whole": (147, 10), "context": (147, 8), "all": (144, 5)},
            "heldout54.jsonl": {"whole": (169, 9), "context": (169, 8), "all": (167, 5)},
            "heldout55.jsonl": {"whole": (173, 20), "context": (173, 18), "all": (168, 14)}}
# Written at stop 57 in English (test_masking_heldout.py says how): 57 sealed while the
# round's rules were written, 58 read and tuned on. Knowing the directory, before the round
# and after: 57 whole 156 / 11, all 155 / 5, then what is asserted; 58 whole 129 / 15, all
# 127 / 2, then 141 / 15 and 139 / 2, then (a red team's narrowing) what is asserted.
BLIND_57 = {"heldout57.jsonl": {"whole": (161, 11), "context": (162, 8), "all": (160, 5)},
            "heldout58.jsonl": {"whole": (140, 15), "context": (140, 10), "all": (138, 2)}}
# Written at stop 58 in English (test_masking_heldout.py says how): 59 sealed while the
# round's rules were written, 60 read and tuned on. Knowing the directory, before the round
# and after: 59 whole 150 / 4, all 149 / 3, then what is asserted; 60 whole 162 / 9, all
# 162 / 4, then 172 / 9 and 172 / 4, and after a red team's fixes what is asserted. (57,
# read, went from 159 / 11 and 158 / 5.)
BLIND_58 = {"heldout59.jsonl": {"whole": (152, 4), "context": (153, 4), "all": (151, 3)},
            "heldout60.jsonl": {"whole": (171, 9), "context": (171, 7), "all": (171, 4)},
            # sealed, scored once at the end (before the round the same): whole 193 / 8, all
            # 193 / 3; then read at stop 59 and tuned on: 201 / 5 and 201 / 0, and after two
            # red teams' narrowing what is asserted
            "heldout61.jsonl": {"whole": (200, 7), "context": (200, 4), "all": (200, 2)}}
# Written at stop 59 with 61's plain brief (test_masking_heldout.py says where), sealed while
# the round's rules were written and scored once at its end. Knowing the directory, before
# the round: 62 whole 196 / 10, all 194 / 8; 63 whole 185 / 10, all 185 / 7; 64 whole 156 / 4,
# all 156 / 2; after it, what is asserted.
BLIND_59 = {"heldout62.jsonl": {"whole": (196, 10), "context": (196, 10), "all": (194, 8)},
            "heldout63.jsonl": {"whole": (186, 10), "context": (186, 8), "all": (186, 7)},
            "heldout64.jsonl": {"whole": (157, 4), "context": (157, 2), "all": (157, 2)},
            # sealed during the schools rule, scored once at the end: the same before the round
            "heldout65.jsonl": {"whole": (183, 4), "context": (183, 2), "all": (183, 1)},
            "heldout66.jsonl": {"whole": (186, 7), "context": (186, 4), "all": (186, 4)}}
# Written at stop 60 with the same brief (test_masking_heldout.py says where), sealed while
# the round's rules and the context level were written, scored once at its end. Before
# (stop 59's masker, which had no context level): 67 whole 176 / 5, all 175 / 2; 68 176 / 6
# and 174 / 4; 69 179 / 8 and 176 / 6; 70 179 / 6 and 179 / 3. After, at context as first
# written: 176 / 2, 176 / 4, 179 / 6, 179 / 4; after AY's hardening, the second round's rules
# (read from them) and AZ's veto, what is asserted.
BLIND_60 = {"heldout67.jsonl": {"whole": (176, 5), "context": (177, 2), "all": (175, 2)},
            "heldout68.jsonl": {"whole": (176, 6), "context": (180, 4), "all": (174, 4)},
            "heldout69.jsonl": {"whole": (179, 8), "context": (185, 3), "all": (176, 6)},
            "heldout70.jsonl": {"whole": (179, 5), "context": (181, 5), "all": (179, 2)}}
# Written with the same brief while stop 60's second round and its red teams' fixes were
# made, sealed, scored once at its end. Before (stop 59's masker): whole 166 / 10, 179 / 6,
# 165 / 14, 185 / 14; all 166 / 4, 179 / 5, 165 / 10, 182 / 13. After, what is asserted.
BLIND_60B = {"heldout71.jsonl": {"whole": (166, 10), "context": (166, 9), "all": (166, 4)},
             "heldout72.jsonl": {"whole": (179, 6), "context": (179, 6), "all": (179, 5)},
             "heldout73.jsonl": {"whole": (169, 14), "context": (169, 12), "all": (169, 10)},
             "heldout74.jsonl": {"whole": (185, 14), "context": (185, 13), "all": (182, 13)}}
# Written at stop 61 with the same brief (test_masking_heldout.py says where), sealed while the
# round's rules were written, scored once at its end: the same with the masker before it.
BLIND_61 = {"heldout75.jsonl": {"whole": (206, 4), "context": (206, 3), "all": (205, 3)},
            "heldout76.jsonl": {"whole": (198, 6), "context": (198, 4), "all": (198, 4)},
            "heldout77.jsonl": {"whole": (162, 10), "context": (162, 7), "all": (162, 6)},
            "heldout78.jsonl": {"whole": (164, 11), "context": (164, 10), "all": (164, 9)}}
# Written with the same brief while stop 61's second round and red team BB's fixes were made,
# sealed, scored once at its end. Before the round the same, but 81 whole 197 / 9, context
# 197 / 8, all 196 / 7.
BLIND_61B = {"heldout79.jsonl": {"whole": (187, 5), "context": (187, 5), "all": (184, 5)},
             "heldout80.jsonl": {"whole": (174, 5), "context": (174, 4), "all": (174, 4)},
             "heldout81.jsonl": {"whole": (197, 8), "context": (197, 7), "all": (196, 6)},
             "heldout82.jsonl": {"whole": (188, 4), "context": (188, 2), "all": (188, 1)}}
# Written at stop 62 with the same brief, sealed while its round and red team CC's fixes were
# made, scored once at its end: the same with the masker before it.
BLIND_62 = {"heldout83.jsonl": {"whole": (186, 3), "context": (186, 3), "all": (184, 2)},
            "heldout84.jsonl": {"whole": (204, 3), "context": (204, 2), "all": (203, 2)},
            "heldout85.jsonl": {"whole": (188, 8), "context": (188, 4), "all": (187, 3)},
            "heldout86.jsonl": {"whole": (155, 4), "context": (155, 3), "all": (154, 1)}}
# Written with the same brief during stop 62's second round and red team DD's fixes, sealed,
# scored once at its end: whole 176 / 2, 189 / 4, 181 / 6, 178 / 3 (87: 175 hidden before);
# read since, and a third round written from them. What is asserted.
BLIND_62B = {"heldout87.jsonl": {"whole": (176, 1), "context": (176, 1), "all": (176, 1)},
             "heldout88.jsonl": {"whole": (189, 3), "context": (189, 2), "all": (189, 1)},
             "heldout89.jsonl": {"whole": (181, 6), "context": (181, 6), "all": (181, 5)},
             "heldout90.jsonl": {"whole": (178, 3), "context": (178, 2), "all": (177, 2)}}
# Written at stop 63 with the same brief (its "Rosie" example dropped), 91 to 94 (Kansas City,
# Milwaukee, Tucson, Des Moines) and 95 to 98 (Little Rock, Honolulu, Newark, Spokane), sealed
# while its three rounds and red teams EE, FF and GG's fixes were made, scored once at its end.
# With the masker of its start (5013450): whole 173 / 4, 177 / 4, 166 / 4, 196 / 5 and 184 /
# 4, 174 / 4, 193 / 3, 177 / 5.
BLIND_63 = {"heldout91.jsonl": {"whole": (173, 4), "context": (173, 3), "all": (171, 3)},
            "heldout92.jsonl": {"whole": (179, 4), "context": (179, 4), "all": (179, 3)},
            "heldout93.jsonl": {"whole": (166, 4), "context": (166, 4), "all": (164, 3)},
            "heldout94.jsonl": {"whole": (196, 5), "context": (196, 5), "all": (196, 3)}}
BLIND_63B = {"heldout95.jsonl": {"whole": (185, 4), "context": (185, 4), "all": (185, 4)},
             "heldout96.jsonl": {"whole": (175, 4), "context": (175, 4), "all": (175, 4)},
             "heldout97.jsonl": {"whole": (193, 3), "context": (193, 3), "all": (193, 1)},
             "heldout98.jsonl": {"whole": (178, 5), "context": (178, 5), "all": (178, 5)}}
# Sealed at stop 64's start, scored once after its first round (b1ed42f): 99 to 102, 95.4%
# hidden and 4.5% altered; 103 to 106, 97.8% and 2.8%. With the masker of its start
# (3bd9d72) the same, but for one more text of 105 altered. Read since, for the second round.
BLIND_64 = {"heldout99.jsonl": {"whole": (189, 4), "context": (189, 4), "all": (189, 4)},
            "heldout100.jsonl": {"whole": (173, 3), "context": (173, 3), "all": (172, 3)},
            "heldout101.jsonl": {"whole": (173, 6), "context": (173, 6), "all": (173, 6)},
            "heldout102.jsonl": {"whole": (198, 5), "context": (198, 5), "all": (197, 4)}}
BLIND_64B = {"heldout103.jsonl": {"whole": (187, 2), "context": (187, 2), "all": (187, 1)},
             "heldout104.jsonl": {"whole": (204, 2), "context": (204, 2), "all": (204, 2)},
             "heldout105.jsonl": {"whole": (177, 0), "context": (177, 0), "all": (176, 0)},
             "heldout106.jsonl": {"whole": (200, 7), "context": (200, 7), "all": (199, 7)}}
# Sealed during stop 64's second round and three red teams' fixes, scored once at its end
# (700a6ac): 107 to 110, 95.9% hidden and 5.5% altered; 111 to 114, 95.6% and 3.0%. The
# masker of its start (3bd9d72) scored the same on every corpus.
BLIND_64C = {"heldout107.jsonl": {"whole": (195, 5), "context": (195, 5), "all": (195, 5)},
             "heldout108.jsonl": {"whole": (176, 7), "context": (176, 7), "all": (176, 7)},
             "heldout109.jsonl": {"whole": (177, 6), "context": (177, 6), "all": (177, 5)},
             "heldout110.jsonl": {"whole": (161, 4), "context": (161, 4), "all": (161, 3)}}
BLIND_64D = {"heldout111.jsonl": {"whole": (192, 2), "context": (192, 2), "all": (190, 2)},
             "heldout112.jsonl": {"whole": (194, 3), "context": (194, 3), "all": (194, 3)},
             "heldout113.jsonl": {"whole": (187, 5), "context": (187, 5), "all": (186, 4)},
             "heldout114.jsonl": {"whole": (160, 2), "context": (160, 2), "all": (160, 2)}}
# Written blind at stop 65 (115 San Antonio, 116 Boise, 117 Cincinnati, 118 Sioux Falls), its
# writers asked to name colleagues often, by first name, family name and title; sealed while
# the writer's "show this name" was built, scored once (the masker itself unchanged since
# c650f56): 741 of 776 hidden (95.5%), 95 of 400 ordinary messages altered (23.8%).
BLIND_65 = {"heldout115.jsonl": {"whole": (175, 31), "context": (175, 25), "all": (174, 18)},
            "heldout116.jsonl": {"whole": (178, 24), "context": (178, 16), "all": (178, 13)},
            "heldout117.jsonl": {"whole": (198, 18), "context": (198, 15), "all": (197, 13)},
            "heldout118.jsonl": {"whole": (190, 22), "context": (190, 20), "all": (188, 18)}}
# Written blind at stop 66 from the same brief (119 Indianapolis, 120 Las Cruces, 121
# Greensboro, 122 Fargo), sealed while its rules were read off 115 to 118, scored once.
BLIND_66 = {"heldout119.jsonl": {"whole": (171, 15), "context": (170, 11), "all": (168, 6)},
            "heldout120.jsonl": {"whole": (185, 12), "context": (185, 10), "all": (185, 7)},
            "heldout121.jsonl": {"whole": (193, 11), "context": (193, 8), "all": (191, 8)},
            "heldout122.jsonl": {"whole": (191, 18), "context": (191, 16), "all": (191, 13)}}
# And four more (123 Jacksonville, 124 Lincoln NE, 125 Tampa, 126 Columbia SC), sealed while
# the rules read off 119 to 122 were written, scored once at c341057.
BLIND_66B = {"heldout123.jsonl": {"whole": (196, 10), "context": (196, 8), "all": (196, 5)},
             "heldout124.jsonl": {"whole": (216, 20), "context": (216, 17), "all": (216, 15)},
             # stop 68: a district's ".net" domain is no company's: one more altered
             "heldout125.jsonl": {"whole": (220, 12), "context": (220, 10), "all": (217, 9)},
             "heldout126.jsonl": {"whole": (257, 17), "context": (257, 16), "all": (257, 15)}}
# And four more (127 Orlando, 128 Dearborn, 129 Savannah, 130 Tacoma), sealed while the rules
# read off 123 to 126 were written and attacked, scored once at 194e91a.
# (127: two more altered at stop 68, its colleagues' addresses at "ocps.net".)
BLIND_66C = {"heldout127.jsonl": {"whole": (230, 11), "context": (230, 6), "all": (230, 4)},
             "heldout128.jsonl": {"whole": (243, 23), "context": (243, 18), "all": (239, 15)},
             "heldout129.jsonl": {"whole": (232, 13), "context": (232, 11), "all": (232, 8)},
             "heldout130.jsonl": {"whole": (247, 17), "context": (247, 15), "all": (247, 11)}}
# Sealed while rules were read off 127 to 130, scored once at stop 67 (0e01e1d; Spokane,
# Providence, Tulsa, Anchorage).
BLIND_67 = {"heldout131.jsonl": {"whole": (230, 11), "context": (230, 11), "all": (230, 10)},
            "heldout132.jsonl": {"whole": (226, 20), "context": (226, 18), "all": (225, 16)},
            "heldout133.jsonl": {"whole": (204, 14), "context": (204, 14), "all": (203, 11)},
            "heldout134.jsonl": {"whole": (201, 9), "context": (201, 8), "all": (200, 7)},
            # sealed until stop 67's rules were settled, scored once at 6f201c8 (Milwaukee,
            # Omaha, Richmond, Salt Lake City)
            "heldout135.jsonl": {"whole": (226, 5), "context": (226, 4), "all": (225, 4)},
            "heldout136.jsonl": {"whole": (227, 7), "context": (227, 7), "all": (226, 7)},
            "heldout137.jsonl": {"whole": (193, 7), "context": (193, 6), "all": (193, 6)},
            "heldout138.jsonl": {"whole": (200, 12), "context": (200, 8), "all": (198, 5)}}
# Written during stop 68 by writers asked for their staff's work addresses too (Charleston,
# Reno, Duluth, Chattanooga), sealed until its rules were settled, scored once knowing the
# addresses as Slack's users:read.email would give them.
BLIND_68 = {"heldout139.jsonl": {"whole": (283, 13), "context": (283, 12), "all": (282, 11)},
            "heldout140.jsonl": {"whole": (295, 16), "context": (295, 11), "all": (295, 8)},
            "heldout141.jsonl": {"whole": (242, 22), "context": (242, 18), "all": (242, 13)},
            "heldout142.jsonl": {"whole": (248, 7), "context": (248, 6), "all": (248, 4)},
            # and four more (Lexington, Eugene, Worcester, Mobile), written while those were
            # scored, scored once with no rule changed after
            "heldout143.jsonl": {"whole": (231, 21), "context": (231, 14), "all": (231, 9)},
            "heldout144.jsonl": {"whole": (255, 41), "context": (255, 36), "all": (254, 25)},
            "heldout145.jsonl": {"whole": (295, 4), "context": (295, 2), "all": (295, 1)},
            "heldout146.jsonl": {"whole": (302, 12), "context": (302, 12), "all": (301, 9)}}
# (130 as first scored: 16, 14 and 10; one more once colleagues' addresses were taken out.)
BLIND = (BLIND_54 | BLIND_55 | BLIND_56 | BLIND_57 | BLIND_58 | BLIND_59 | BLIND_60
         | BLIND_60B | BLIND_61 | BLIND_61B | BLIND_62 | BLIND_62B | BLIND_63 | BLIND_63B
         | BLIND_64 | BLIND_64B | BLIND_64C | BLIND_64D | BLIND_65 | BLIND_66
         | BLIND_66B | BLIND_66C | BLIND_67 | BLIND_68)
# "context", stop 60's new level (a colleague's one word alone where the words around it lean
# grown-up, in a text that speaks of no child): over the 22 corpora written blind (44 to 66)
# it hid every identifier whole names hid (3,919 of 4,171) and altered 125 of 2,200 ordinary
# messages against whole names' 185 (all: 3,900 and 92). Written from the figures alone, with
# the model's own cut (grown_ups.WORDS_CUT); 67 to 70 were sealed meanwhile. A red team (AY)
# then got 240 of 241 students named like colleagues through it (test_masking_context_
# attacked.py); hardened (the name's own sentence only, a wider veto, one word only for staff
# a directory vouches for), 144 altered and the same identifiers hidden; and 146 once a second
# red team's (AZ) veto took in enrolment, lockers, buses and loans. What is asserted. A third
# (BA) still got 20 of 114 plausible texts through, so whole names stay the default.
# An attack by a writer told the rule, not shown the code: 120 messages naming 146 students
# who share a colleague's name, with their district's directory (attack_staff.staff.txt).
# Scored once as it came, at what was then the only level (all): 34 of 146 hidden, against
# 133 by the rules alone; that result made whole names the default: 120 of 146 (and all
# 35, after the last rules). Context lets 12 more through than whole names (109), 9 once
# hardened (112), 5 after the second red team (116).
ATTACK = {"off": 133, "whole": 120, "context": 116, "all": 35}


def counts(path: Path, directory: list[str], level: str) -> tuple[int, int, int, int]:
    """(identifiers masked, identifiers, tech texts altered, tech texts) over a corpus,
    knowing `directory` (and the addresses it lists, if the corpus has them) at a level of
    PREPBOT_MASKING_STAFF (bench/masking_staff.py too)."""
    use_staff_names(level)
    known = level != "off" and bool(directory)
    know_staff(directory if known else [], afresh=True,
               addresses=addresses_of(path) if known else None)
    found = total = altered = tech = 0
    for line in (json.loads(line) for line in path.read_text("utf-8").splitlines()):
        text = line["text"]
        output = mask_student_data(text, today=TODAY).text
        if line["kind"] == "tech":
            tech, altered = tech + 1, altered + (output != text)
        else:
            total += len(line["identifiers"])
            found += sum(is_masked(text, output, i) for i in line["identifiers"])
    forget_staff()
    return found, total, altered, tech


def score(name: str, directory: list[str], level: str = "all") -> tuple[int, int]:
    """(identifiers masked, tech texts altered) over a corpus of the masking corpus folder."""
    found, _, altered, _ = counts(CORPUS / name, directory, level)
    return found, altered


def directory_of(name: str) -> list[str]:
    return (CORPUS / name).with_suffix(".staff.txt").read_text("utf-8").splitlines()


def addresses_of(path: Path) -> list[str] | None:
    """The staff's work addresses a corpus's directory lists (from stop 68's writers on, who
    were asked for them: as Slack's users:read.email gives them), or None."""
    listed = path.with_suffix(".addresses.txt")
    return listed.read_text("utf-8").splitlines() if listed.exists() else None


@pytest.mark.parametrize(("name", "level"), [(n, lv) for n in sorted(FIGURES | BLIND)
                                             for lv in ("whole", "context", "all")])
def test_each_corpus_holds_its_figures_knowing_its_directory(name: str, level: str) -> None:
    least_masked, most_altered = (FIGURES | BLIND)[name][level]
    masked, altered = score(name, directory_of(name), level)
    assert masked >= least_masked and altered <= most_altered, (
        f"{name}, {level}: {masked} identifiers masked, {altered} of 100 tech texts altered")


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_knowing_the_directory_spares_colleagues_the_rules_hid(name: str) -> None:
    _, without = score(name, [], "off")
    _, whole = score(name, directory_of(name), "whole")
    _, in_context = score(name, directory_of(name), "context")
    _, every = score(name, directory_of(name), "all")
    assert every <= whole / 3 and every <= in_context < whole < without


# An attack on two rules stop 55 tried, by a writer told them and not shown the code
# (attack_schools.*, with its district's directory and schools): 150 messages naming students
# where a school's name or a colleague's signature stands (164 identifiers: "Oakley can't hear
# through her headphones" beside Annie Oakley Elementary, "Guess who cracked another screen 🙄
# Mason" beside a colleague Mason), and 60 ordinary ones. The masker before the round hid 113
# at whole names; the two rules as first written hid 22, and 101 once hardened against it.
# Neither spared more than one ordinary message of the 600 written blind, so both were taken
# out: this keeps them, or any like them, from coming back unweighed (docs/masking.md).
# Context hides 104: a student named like a colleague where a signature stands, in a text
# that names no child ("Still stuck - Dylan"), reads as the colleague; in the first draft,
# before a child in the text counted, 80.
ATTACK_SCHOOLS = {"whole": 113, "context": 105, "all": 53}


@pytest.mark.parametrize("level", sorted(ATTACK_SCHOOLS))
def test_the_attack_on_schools_and_sign_offs_gets_no_more_through(level: str) -> None:
    name = "attack_schools.jsonl"
    assert score(name, directory_of(name), level)[0] >= ATTACK_SCHOOLS[level]


@pytest.mark.parametrize("level", sorted(ATTACK))
def test_the_attack_on_the_staff_rule_gets_no_more_students_through(level: str) -> None:
    name = "attack_staff.jsonl"
    assert score(name, directory_of(name), level)[0] >= ATTACK[level]
