"""The masker on the held-out corpora: only their figures are ever reported, never their texts, so
that nobody tunes on them by reading a failure (docs/masking.md). Corpora 7 to 12 were read in
the eleventh round and tuned on; corpora 14 to 19 were written blind for it and scored once at
the end of its first pass (rows of 14 and 16 were shown by mistake during the round; nothing
was changed for them), and 20 to 22 were written blind during its second pass and scored once
after it; 23 to 25 were written blind at the start of the twelfth round and scored once at its
end, with the masker it started from and the final one; 26 to 31 likewise for the thirteenth
(26 to 28 written at its start, 29 to 31 near its end), and 32 to 34 for the fourteenth;
35 to 37 were written blind for the sixteenth, on numbers and contacts, and 38 and 39 for the
seventeenth, on colleagues named beside students (40 and 41 were written for a refit that was
not shipped, and kept). Of those nobody read, all but 27 and 31 still
MISS the targets of issue 16 (95% of identifiers masked, at most 2% of tech texts altered),
most of them on the second; what is asserted is the figure reached, so that a change cannot
make it worse unnoticed."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import first_name_shares, score

# corpus: (identifiers masked at least, tech texts altered at most), with each measurement.
HELD_OUT_FIGURES = {
    # After each round: 0.832 masked / 0.100 altered, then 0.933 (167 of 179) / 0.080 (8 of
    # 100), then 0.950 (170 of 179: 0.9497, one identifier short) / 0.050 (5 of 100), and
    # after the fourth, fifth and sixth rounds the same 170 and 5; after the eighth, 0.961
    # (172 of 179) / 0.050; after the eleventh the same.
    "heldout.jsonl": (0.960, 0.05),
    # Written blind for the fourth round and measured twice: before it, 0.930 (253 of 272) /
    # 0.090 (9 of 100); after it, 0.949 (258 of 272, one identifier short) / 0.070 (7 of 100);
    # after the fifth round the same 258 and 7; after the sixth and the eighth, 258 and 6;
    # after the eleventh, 258 and 5.
    "heldout2.jsonl": (0.970, 0.04),
    # Written blind at the start of the sixth round (200 texts, 224 identifiers, five
    # personas). As it came: 0.938 (210 of 224) / 0.170 (17 of 100); after the sixth round
    # 0.938 / 0.160 (16 of 100), and after the eighth the same. Far from 2% altered: new
    # writers' colleagues named by first name are taken for students. After the ninth
    # round: 0.938 / 0.150 (15 of 100). After the eleventh: 0.946 (212) / 0.130 (13).
    "heldout3.jsonl": (0.955, 0.12),
    # Written blind at the start of the eighth round (200 texts, 172 identifiers; a 9th-grade
    # teacher, an attendance clerk, a counselor, a dual-language kindergarten teacher, a PE
    # teacher, a coach). As it came: 0.913 (157 of 172) / 0.080 (8 of 100); after the eighth
    # round 0.930 (160 of 172) / 0.080; after the ninth 0.930 / 0.070 (7 of 100); after the
    # tenth (the model of grown-ups' names) 0.930 (160) / 0.060: the model as first shipped,
    # without its words-first rule, spared one student here (159 of 172). After the
    # eleventh: 0.936 (161) / 0.050.
    "heldout4.jsonl": (0.936, 0.03),
    # Written blind at the end of the eighth round (200 texts, 238 identifiers; a Title I
    # 4th-grade teacher in Phoenix, a band director, a nurse, a special-education case
    # manager, a rural front-office secretary, a building's tech coach) and measured once,
    # with the masker of the seventh round and of the eighth, after the eighth's rules were
    # final: 0.929 (221 of 238) / 0.200 (20 of 100), then 0.933 (222) / 0.200; after the
    # ninth round 0.937 (223) / 0.200; after the tenth 0.937 (223) / 0.130 (13 of 100);
    # after the eleventh the same.
    "heldout5.jsonl": (0.945, 0.10),
    # Written blind at the start of the ninth round (200 texts, 231 identifiers; a New
    # Jersey high-school counselor, a 3rd-grade teacher near Atlanta, a music teacher
    # between two schools, a district registrar, an Oregon art teacher, a Chicago computer
    # science teacher) and measured once, at the round's end, with the masker before and
    # after it: 0.952 (220 of 231) / 0.110 (11 of 100), then 0.952 (220) / 0.100 (10);
    # after the tenth round the same; after the eleventh 0.961 (222) / 0.090 (9).
    "heldout6.jsonl": (0.974, 0.07),
    # Six corpora written blind in the tenth round (200 texts each; personas in
    # docs/masking.md), scored with each version of its model of grown-ups' names, figures
    # only. Ninth round's rules -> the model as first shipped (lone first names, generation
    # alone) -> the final model (full names too, the words first):
    # 7: 0.948 (217 of 229) / 0.110 -> 0.948 / 0.090 -> 0.948 / 0.060
    # 8: 0.968 (184 of 190) / 0.310 -> 0.968 / 0.230 -> 0.968 / 0.200
    # 9: 0.943 (216 of 229) / 0.190 -> 0.943 / 0.160 -> 0.943 / 0.080
    # 10: 0.956 (197 of 206) / 0.170 -> 0.956 / 0.140 -> 0.956 / 0.130
    # 11: 0.938 (180 of 192) / 0.250 -> 0.938 / 0.230 -> 0.938 / 0.190
    # 12: 0.947 (195 of 206) / 0.160 -> 0.947 / 0.140 -> 0.947 / 0.110
    # The eleventh round read them and tuned its rules on them; after it (figures no longer
    # blind): 7: 0.961 (220) / 0.020, 8: 0.995 (189) / 0.130, 9: 0.965 (221) / 0.030,
    # 10: 0.956 (197) / 0.050, 11: 0.958 (184) / 0.090, 12: 0.961 (198) / 0.020.
    "heldout7.jsonl": (0.969, 0.00),
    "heldout8.jsonl": (0.994, 0.04),
    "heldout9.jsonl": (0.982, 0.00),
    "heldout10.jsonl": (0.975, 0.02),
    "heldout11.jsonl": (0.968, 0.04),
    "heldout12.jsonl": (0.970, 0.01),
    # Written blind while the tenth round's final model was built, scored once with it
    # (200 texts, 196 identifiers; a rural Mississippi 5th-grade teacher, a Spanish teacher
    # near Chicago, a school psychologist, a band secretary, a help-desk technician): by the
    # ninth round's rules 0.969 (190 of 196) / 0.130, with the model 0.969 / 0.080. After
    # the eleventh round: 0.969 / 0.060.
    "heldout13.jsonl": (0.969, 0.05),
    # Six corpora written blind at the start of the eleventh round (200 texts each; personas
    # in docs/masking.md), scored as they came with the tenth round's masker and once at the
    # eleventh's end (rows of 14 and 16 were seen by mistake during the round):
    # 14: 0.925 (196 of 212) / 0.110 -> 0.925 (196) / 0.090
    # 15: 0.969 (216 of 223) / 0.120 -> 0.969 (216) / 0.110
    # 16: 0.953 (204 of 214) / 0.150 -> 0.953 (204) / 0.150
    # 17: 0.930 (213 of 229) / 0.070 -> 0.930 (213) / 0.070
    # 18: 0.933 (208 of 223) / 0.100 -> 0.946 (211) / 0.080
    # 19: 0.953 (223 of 234) / 0.220 -> 0.970 (227) / 0.180
    # The round's second pass (contexts read from the labelled first-name corpora) then
    # spared one more ordinary message in 14 (0.080) and in 18 (0.070).
    "heldout14.jsonl": (0.938, 0.03),
    "heldout15.jsonl": (0.968, 0.12),
    "heldout16.jsonl": (0.971, 0.03),
    "heldout17.jsonl": (0.934, 0.04),
    "heldout18.jsonl": (0.946, 0.04),
    "heldout19.jsonl": (0.995, 0.17),
    # Three corpora written blind during the eleventh round's second pass (200 texts each;
    # personas in docs/masking.md), scored with the tenth round's masker, the first pass's
    # and the final one:
    # 20: 0.910 (192 of 211) / 0.110 -> 0.910 / 0.110 -> 0.910 / 0.110
    # 21: 0.915 (193 of 211) / 0.060 -> 0.924 (195) / 0.060 -> 0.924 / 0.060
    # 22: 0.936 (220 of 235) / 0.090 -> 0.936 / 0.080 -> 0.936 / 0.070
    "heldout20.jsonl": (0.914, 0.04),
    "heldout21.jsonl": (0.938, 0.04),
    "heldout22.jsonl": (0.944, 0.06),
    # The twelfth round (things named like people, home addresses, parents named by title,
    # more labelled writers) scored every corpus above once at its end; the figures above are
    # its, and docs/masking.md has each beside the eleventh round's. Three corpora written
    # blind at its start, with briefs that counted home addresses and parents' names among
    # a student's identifiers, scored once at its end, with the masker it started from and
    # the final one:
    # 23: 0.866 (239 of 276) / 0.150 -> 0.895 (247) / 0.120
    # 24: 0.911 (278 of 305) / 0.100 -> 0.931 (284) / 0.090
    # 25: 0.853 (226 of 265) / 0.230 -> 0.875 (232) / 0.210
    "heldout23.jsonl": (0.920, 0.11),
    "heldout24.jsonl": (0.960, 0.11),  # stop 68: a district's ".net" domain is no company's
    "heldout25.jsonl": (0.913, 0.20),
    # The thirteenth round (signatures, titled parents, exports' rows, companies, two more
    # labelled writers and a refit of the model of grown-ups' names) scored every corpus
    # above once at its end, with the masker it started from and the final one; the figures
    # above are its, and docs/masking.md has each beside the twelfth round's. No identifier
    # the twelfth round hid on any of them goes through; five ordinary messages it left alone
    # (in 15, 21, 24, 25 and 30) now lose a word, four of them by the refit. Six corpora
    # written blind for it, three at its start and three near its end (after most of its
    # rules), each scored once at its end, with both maskers:
    # 26: 0.944 (201 of 213) / 0.070 -> 0.953 (203) / 0.060
    # 27: 0.926 (175 of 189) / 0.030 -> 0.947 (179) / 0.030
    # 28: 0.944 (187 of 198) / 0.070 -> 0.960 (190) / 0.040
    # 29: 0.937 (237 of 253) / 0.100 -> 0.953 (241) / 0.090
    # 30: 0.899 (204 of 227) / 0.100 -> 0.925 (210) / 0.100
    # 31: 0.927 (204 of 220) / 0.050 -> 0.941 (207) / 0.020
    # An attack on the round's keep rules (attack_keep_rules.jsonl) then narrowed them; scored
    # again after that, every corpus held its figures but the nineteenth, which masks one more
    # identifier (0.983, 230), and the tenth (read), which alters one more message (0.020).
    "heldout26.jsonl": (0.962, 0.05),
    "heldout27.jsonl": (0.952, 0.02),
    "heldout28.jsonl": (0.959, 0.03),
    "heldout29.jsonl": (0.960, 0.08),
    "heldout30.jsonl": (0.925, 0.10),
    "heldout31.jsonl": (0.968, 0.02),
    # The fourteenth round (names hidden whole, lists of grown-ups or of students, languages,
    # ZIP codes and rural routes, parents named after their child, letters signed by a name;
    # an attack on its keep rules, attack_keep_rules_2.jsonl, narrowed them) scored every
    # corpus above once at its end, with the masker it started from and the final one; the
    # figures above are its. No identifier the thirteenth round hid on any of them goes
    # through, and no ordinary message it left alone loses a word. 27 and 31 are the first
    # to meet both targets. Three corpora written blind at its start, scored once at its end:
    # 32: 0.939 (216 of 230) / 0.070 -> 0.943 (217) / 0.070
    # 33: 0.933 (238 of 255) / 0.130 -> 0.945 (241) / 0.130
    # 34: 0.960 (214 of 223) / 0.070 -> 0.960 (214) / 0.070
    "heldout32.jsonl": (0.947, 0.07),
    "heldout33.jsonl": (0.945, 0.13),
    "heldout34.jsonl": (0.968, 0.06),
    # The sixteenth round (numbers, contacts and dates in what staff write: a text that hides
    # nothing else, speaks of no child and names a grown-up or a place of work keeps its
    # contacts) checked every corpus above after each change, figures only, so that no rule
    # let an identifier through: together they went from 5,614 of 5,932 identifiers masked
    # and 195 of 2,600 tech texts altered to 5,617 and 187; a blind attack then broke the
    # second pass's keep rules and they were taken out: 5,617 and 195. Three corpora were
    # written blind for it, each a hundred tech texts dense with numbers and contacts
    # (start -> with the second pass -> final):
    # 35 (numbers, written at its start; its figures were looked at during the round):
    #   0.966 (226 of 234) / 0.140 -> 0.966 (226) / 0.100 -> 0.966 (226) / 0.110
    # 36 (numbers, written during its first pass; scored after it and at the end):
    #   0.974 (267 of 274) / 0.280 -> 0.978 (268) / 0.230 -> 0.978 (268) / 0.250
    # 37 (contacts, written during its second pass; scored at the end and after the attack):
    #   0.934 (228 of 244) / 0.410 -> 0.939 (229) / 0.260 -> 0.939 (229) / 0.390
    "heldout35.jsonl": (0.965, 0.11),
    "heldout36.jsonl": (0.978, 0.25),
    "heldout37.jsonl": (0.938, 0.39),
    # The seventeenth round (what a text that already hides a student says of them again: every
    # other mention of a name, the rest of a list of logins, a number with no cue beside a
    # hidden name) only adds to texts that already hide something, so no tech text's figure
    # moves; together the 26 never-read corpora above went from 5,617 to 5,643 of 5,932
    # identifiers masked (0.947 -> 0.951), 195 of 2,600 tech texts altered before and after.
    # Two corpora were written blind at its start, a hundred tech texts each naming colleagues
    # the way staff do and a hundred texts hiding students in the same sentence shapes
    # (figures seen as they came, after the first change and at the end; nothing read):
    # 38: 0.952 (218 of 229) / 0.210 -> 0.961 (220) / 0.210
    # 39: 0.948 (217 of 229) / 0.270 -> 0.952 (218) / 0.270
    "heldout38.jsonl": (0.960, 0.22),  # stop 68: a district's ".net" domain is no company's
    "heldout39.jsonl": (0.951, 0.27),
    # Two more were written blind at its end as training data for the grown-ups model (160 tech
    # texts each, nearly all naming colleagues, and 80 hiding students in the same shapes); the
    # refit altered one never-read tech text fewer (194 of 2,600) and none of 38 and 39, so it
    # was not shipped, and they were kept as held-out corpora, scored only with the final masker:
    # 40: 0.981 (152 of 155) / 0.206 (33 of 160); 41: 0.974 (150 of 154) / 0.131 (21 of 160).
    "heldout40.jsonl": (0.980, 0.207),
    "heldout41.jsonl": (0.974, 0.132),
    # Two written blind at stop 49, while its red teams' findings were fixed, by a writer who
    # saw neither code nor corpus: a bilingual district writing Spanish, English and both (42),
    # and teachers writing students with their class shorthand (43). Scored once each with the
    # masker before the stop and after its rules (figures only, nothing read):
    # 42: 0.946 (191 of 202) / 0.060 -> 0.990 (200) / 0.060
    # 43: 0.930 (173 of 186) / 0.010 -> 0.941 (175) / 0.010
    # At stop 50 a roster's "Smith, Jaden P3" hid one more of 43's (176, 0.946), altering none.
    "heldout42.jsonl": (0.990, 0.06),
    "heldout43.jsonl": (0.946, 0.01),
    # Three written blind at stop 54, each with its district's staff directory and schools
    # (a rural Mountain West county, a large Midwest suburb, a coastal Northeast city of
    # immigrant families), by writers who saw neither code nor corpus, and scored once with
    # the masker as it stood: 44: 0.904 (188 of 208) / 0.170, 45: 0.920 (185 of 201) / 0.110,
    # 46: 0.894 (186 of 208) / 0.080. The scoring printed their misses, so they count as read
    # from then on; no rule was changed after. Fresh text misses the 95% target: the earlier
    # held-out figures, each scored again after every round, had drifted above it.
    # Stop 55 read them to tune on (its rules: docs/masking.md, "Stop 55"):
    # 44: 0.928 (193) / 0.170, 45: 0.925 (186) / 0.110, 46: 0.918 (191) / 0.080.
    "heldout44.jsonl": (0.927, 0.17),
    "heldout45.jsonl": (0.925, 0.11),
    "heldout46.jsonl": (0.918, 0.08),
    # Six written blind at stop 55 with their directories and schools, by writers who saw
    # neither code nor corpus, never read (figures only): 47 to 49 (a New Mexico border
    # district, a Georgia city, a small Washington district with a tribal-compact school)
    # sealed while the round's rules were written; 50 to 52 (Miami with Haitian, Cuban and
    # Brazilian families, a Minnesota suburb with Somali, Hmong and Karen families, rural
    # Appalachia with nicknames and double first names) written during it. Before the round
    # and after: 47: 0.967 (176 of 182) / 0.100 both times; 48: 0.932 (191 of 205) / 0.070
    # both; 49: 0.905 (180 of 199) / 0.100, then 0.915 (182); 50: 0.942 (195 of 207) /
    # 0.100, 51: 0.894 (178 of 199) / 0.050, 52: 0.914 (201 of 220) / 0.070, all the same.
    "heldout47.jsonl": (0.967, 0.10),
    "heldout48.jsonl": (0.931, 0.07),
    "heldout49.jsonl": (0.914, 0.10),
    "heldout50.jsonl": (0.942, 0.10),
    "heldout51.jsonl": (0.894, 0.05),
    "heldout52.jsonl": (0.913, 0.07),
    # Three written at stop 56 in Spanish and Spanglish, by writers who saw neither code nor
    # corpus, each with its district's directory and schools: 53 (South Texas, the Rio Grande
    # Valley) and 55 (Chicago's southwest side and Cicero) never read, sealed while the
    # stop's Spanish rules were written (figures only); 54 (California's Central Valley) read
    # and tuned on. Before the round and after: 53: 0.871 (142 of 163) / 0.120, then 0.902
    # (147) / 0.110; 55: 0.903 (168 of 186) / 0.290, then 0.930 (173) / 0.270; 54 (tuned
    # on): 0.920 (160 of 174) / 0.180, then 0.971 (169) / 0.120. (Three words the round had
    # made no names, "York", "Estrellita" and "Trae", were given back when they let a student
    # of that name through: 53 then altered one more.) Spanish text is masked worse than
    # English, and far more of its ordinary messages are altered.
    "heldout53.jsonl": (0.901, 0.11),
    "heldout54.jsonl": (0.971, 0.12),
    "heldout55.jsonl": (0.930, 0.27),
    # Two written at stop 57 in English by writers who saw neither code nor corpus, each with
    # its district's directory and schools, a third of their messages hard on purpose (a
    # student named with a word: "Faith", "Royal", "Storm"): 57 (Anchorage) sealed while the
    # stop's rules were written, 58 (Atlanta's suburbs) read and tuned on. Before the round
    # and after: 57: 0.857 (156 of 182) / 0.130, then 0.874 (159) / 0.130; 58 (tuned on):
    # 0.884 (129 of 146) / 0.160, then 0.966 (141) / 0.160, and 0.959 (140) once a red team
    # had a titled parent's line need her own child named after it. After those were taken,
    # a scorer's output printed 57's and 53's misses and alterations by mistake: both count
    # as read since, and no rule was changed after it.
    # After stop 58's round (below), 57: 0.885 (161) / 0.130; 58 the same.
    "heldout57.jsonl": (0.884, 0.13),
    "heldout58.jsonl": (0.958, 0.16),
    # Two written at stop 58 in English the same way: 59 (Saint Paul and Minneapolis) sealed
    # while the stop's rules were written, 60 (Alief and Fort Bend, Houston) read and tuned on.
    # Before the round and after: 59: 0.888 (150 of 169) / 0.040, then 0.882 (149) with the
    # round's first rules, and 0.899 (152) / 0.040 once the address rule no longer cut a
    # spelled address short (found from 59's figure alone, and tested on examples of my own);
    # 60 (tuned on): 0.926 (162 of 175) / 0.120, then 0.983 (172) / 0.120. Two red teams'
    # fixes then: 59 fell to 151 once, with "her mom" followed only by a name the lists
    # know (found from its figure again; a name no list has counts too now), and 60 is 0.977
    # (171): "MUHAMMAD ALI KHAN" is taken for the boxer again, as "Rosa Parks Kami" is a
    # lesson. 59's figure steered two changes, so 61 was written and sealed to be scored
    # once, at the end (below).
    "heldout59.jsonl": (0.899, 0.04),
    "heldout60.jsonl": (0.977, 0.12),
    # Written at stop 58, during the round, with a plain brief ("as staff really write"): 61
    # (Salt Lake City and Granite, Utah), sealed, scored once at the end with the masker
    # before the round and after it: 0.923 (193 of 209) / 0.090 both times. Read at stop 59
    # and tuned on: 0.962 (201) / 0.060, then 0.957 (200) once a red team's narrowing let
    # "benitez boys" through again ("herriman boys" is a town's team), and 0.957 / 0.080
    # once a second's took "at Kennedy Jr" back (it reads as "at Marcus Jr").
    "heldout61.jsonl": (0.956, 0.08),
    # Written at stop 59 with 61's plain brief, in three more districts: 62 (Dearborn, Detroit
    # and Hamtramck), 63 (Lowell and Boston), 64 (Tukwila, Kent and Seattle), sealed while the
    # round's rules were written and scored once at its end. Before the round and after:
    # 62 0.985 (196 of 199) / 0.110 both times; 63 0.949 (185 of 195), then 0.954 (186) /
    # 0.120; 64 0.929 (156 of 168), then 0.935 (157) / 0.060.
    "heldout62.jsonl": (0.984, 0.11),
    "heldout63.jsonl": (0.953, 0.12),
    "heldout64.jsonl": (0.934, 0.06),
    # Written during the stop's last part with the same brief (65: Columbus and South-Western,
    # Ohio; 66: Miami-Dade), sealed while the schools rule was written, scored once at the
    # end: 65 0.973 (183 of 188) / 0.060 and 66 0.989 (186 of 188) / 0.100, the same with the
    # masker before the round.
    "heldout65.jsonl": (0.973, 0.06),
    "heldout66.jsonl": (0.989, 0.10),
    # Written at stop 60 with the same brief: 67 (Albuquerque and Gallup-McKinley), 68
    # (Philadelphia and Upper Darby), 69 (Queens and the Bronx), 70 (Metro Nashville),
    # sealed while the round's rules and the context level were written, scored once at its
    # end; before the round the same, but 70 altered 0.12.
    "heldout67.jsonl": (0.972, 0.10),
    "heldout68.jsonl": (0.956, 0.07),
    "heldout69.jsonl": (0.922, 0.08),
    "heldout70.jsonl": (0.947, 0.11),
    # Written with the same brief while stop 60's second round and red teams' fixes were made,
    # sealed, scored once at the end: 71 (Portland, Beaverton, Reynolds), 72 (Denver and
    # Aurora), 73 (Oahu), 74 (Lewiston, Auburn, Portland, Maine). Before the round the same,
    # but 73 0.897 (165 of 184).
    "heldout71.jsonl": (0.954, 0.14),
    "heldout72.jsonl": (0.957, 0.09),
    "heldout73.jsonl": (0.918, 0.19),
    "heldout74.jsonl": (0.939, 0.16),
    # Written at stop 61 with the same brief: 75 (Chicago's north side), 76 (Clark County,
    # Nevada), 77 (Twin Falls and Boise), 78 (Sacramento), sealed while the round's rules were
    # written, scored once at its end: 206 of 208, 198 of 205, 162 of 177 and 164 of 173
    # hidden; the same with the masker before the round.
    "heldout75.jsonl": (0.990, 0.04),
    "heldout76.jsonl": (0.965, 0.07),
    "heldout77.jsonl": (0.915, 0.12),
    "heldout78.jsonl": (0.947, 0.14),
    # Written with the same brief while stop 61's second round and a red team's fixes were
    # made: 79 (Providence and Central Falls), 80 (Buffalo), 81 (Omaha), 82 (Dallas and
    # Irving), sealed, scored once at its end: 187 of 198, 174 of 179, 197 of 213 and 188 of
    # 194 hidden, as before the round; 81 altered 0.10 before.
    "heldout79.jsonl": (0.944, 0.06),
    "heldout80.jsonl": (0.972, 0.06),
    "heldout81.jsonl": (0.924, 0.09),
    "heldout82.jsonl": (0.969, 0.06),
    # Written at stop 62 with the same brief: 83 (Saint Paul and Roseville), 84 (Houston and
    # Alief), 85 (Salt Lake City and West Valley), 86 (Anchorage), sealed while the round and
    # red team CC's fixes were made, scored once at its end: 186 of 194, 204 of 208, 188 of
    # 190 and 155 of 170 hidden, and the same altered, with the masker before the round.
    "heldout83.jsonl": (0.963, 0.05),
    "heldout84.jsonl": (0.980, 0.07),
    "heldout85.jsonl": (0.989, 0.11),
    "heldout86.jsonl": (0.911, 0.12),
    # Written with the same brief while stop 62's second round and red team DD's fixes were
    # made: 87 (Atlanta and DeKalb), 88 (Louisville), 89 (Fresno and Clovis), 90
    # (Charlotte-Mecklenburg), sealed, scored once at its end: 176 of 179, 189 of 196, 181 of
    # 186 and 178 of 181 hidden (87: 175 before the round), altered 5, 4, 9 and 3. Read since:
    # a third round spared 1 of 87's and 1 of 88's.
    "heldout87.jsonl": (0.983, 0.04),
    "heldout88.jsonl": (0.964, 0.03),
    "heldout89.jsonl": (0.973, 0.09),
    "heldout90.jsonl": (0.983, 0.03),
    # Written at stop 63 with the same brief: 91 (Kansas City), 92 (Milwaukee), 93 (Tucson), 94
    # (Des Moines), 95 (Little Rock), 96 (Honolulu), 97 (Newark and Elizabeth), 98 (Spokane),
    # sealed while its rounds and three red teams' fixes were made, scored once at its end.
    "heldout91.jsonl": (0.971, 0.05),
    "heldout92.jsonl": (0.967, 0.09),
    "heldout93.jsonl": (0.927, 0.06),
    "heldout94.jsonl": (0.960, 0.08),
    "heldout95.jsonl": (0.953, 0.07),
    "heldout96.jsonl": (0.935, 0.06),
    "heldout97.jsonl": (0.974, 0.04),
    "heldout98.jsonl": (0.946, 0.09),
    # Sealed during stop 64's first round, scored once after it (b1ed42f), without a staff
    # directory.
    "heldout99.jsonl": (0.964, 0.06),
    "heldout100.jsonl": (0.945, 0.04),
    "heldout101.jsonl": (0.935, 0.07),
    "heldout102.jsonl": (0.970, 0.05),
    "heldout103.jsonl": (0.973, 0.02),
    "heldout104.jsonl": (0.980, 0.02),
    "heldout105.jsonl": (0.994, 0.02),
    "heldout106.jsonl": (0.966, 0.07),
    # Sealed during stop 64's second round, scored once at its end (700a6ac), without a staff
    # directory; the same at the stop's start.
    "heldout107.jsonl": (0.965, 0.07),
    "heldout108.jsonl": (0.946, 0.08),
    "heldout109.jsonl": (0.977, 0.07),
    "heldout110.jsonl": (0.947, 0.04),
    "heldout111.jsonl": (0.941, 0.04),
    "heldout112.jsonl": (0.960, 0.03),
    "heldout113.jsonl": (0.984, 0.06),
    "heldout114.jsonl": (0.935, 0.03),
    # Written blind at stop 65 naming colleagues often, sealed, scored once, without a staff
    # directory: nearly every colleague named alone is hidden.
    "heldout115.jsonl": (0.988, 0.39),
    "heldout116.jsonl": (0.978, 0.48),
    "heldout117.jsonl": (0.961, 0.22),
    "heldout118.jsonl": (0.900, 0.30),
    # written blind at stop 66 from stop 65's brief, sealed, scored once (no directory)
    "heldout119.jsonl": (0.977, 0.18),
    "heldout120.jsonl": (0.973, 0.16),
    "heldout121.jsonl": (0.960, 0.15),
    "heldout122.jsonl": (0.974, 0.28),
    # and four more, sealed while rules were read off 119 to 122, scored once at c341057
    "heldout123.jsonl": (1.000, 0.13),
    "heldout124.jsonl": (0.977, 0.23),
    "heldout125.jsonl": (0.986, 0.17),  # stop 68: a district's ".net" domain is no company's
    "heldout126.jsonl": (0.996, 0.25),
    # and four more, sealed while rules were read off 123 to 126, scored once at 194e91a
    "heldout127.jsonl": (0.962, 0.19),  # stop 68: a district's ".net" domain is no company's
    "heldout128.jsonl": (0.987, 0.34),
    "heldout129.jsonl": (0.962, 0.17),
    "heldout130.jsonl": (0.984, 0.31),
    # and four more, sealed while rules were read off 127 to 130, scored once at stop 67
    # (0e01e1d): the rules tried then were all taken back out, and the figures are the same
    "heldout131.jsonl": (0.966, 0.14),
    "heldout132.jsonl": (0.991, 0.24),
    "heldout133.jsonl": (0.980, 0.17),
    "heldout134.jsonl": (0.971, 0.12),  # stop 68: a district's ".net" domain is no company's
    # and four more, written during stop 67 and sealed until its rules were settled, scored
    # once at 6f201c8
    "heldout135.jsonl": (0.969, 0.08),
    "heldout136.jsonl": (0.978, 0.10),
    "heldout137.jsonl": (0.960, 0.09),  # stop 68: its students' ".net" addresses hidden
    "heldout138.jsonl": (0.970, 0.13),
    # and four more (Charleston, Reno, Duluth, Chattanooga), written during stop 68 by writers
    # asked for the staff's work addresses too, sealed until its rules were settled, scored
    # once (the rules alone, with no directory: test_masking_shown_by_writers.py knows it)
    "heldout139.jsonl": (0.975, 0.21),
    "heldout140.jsonl": (0.983, 0.26),
    "heldout141.jsonl": (0.971, 0.29),
    "heldout142.jsonl": (0.992, 0.18),
    # and four more (Lexington, Eugene, Worcester, Mobile), written while those were scored
    # and written up, from the same brief, scored once with no rule changed after
    "heldout143.jsonl": (0.978, 0.38),
    "heldout144.jsonl": (0.977, 0.58),
    "heldout145.jsonl": (0.989, 0.11),
    "heldout146.jsonl": (0.961, 0.13),
}


# Each floor and ceiling above was raised at the end of the sixteenth round, and again at the
# end of the seventeenth, to the figure then measured, where earlier rounds had left it behind.
@pytest.mark.parametrize("corpus", sorted(HELD_OUT_FIGURES))
def test_each_held_out_corpus_holds_the_figure_last_measured(corpus: str) -> None:
    least_masked, most_altered = HELD_OUT_FIGURES[corpus]
    masked, altered, _ = score(corpus)
    assert masked >= least_masked and altered <= most_altered, \
        f"{corpus}: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"


def test_a_blind_writers_students_and_colleagues_by_first_name_hold_their_figures() -> None:
    """names_heldout_r.jsonl: 300 messages naming 161 students and 158 grown-ups, written blind
    at the start of the seventeenth round; never learned from (the grown-ups bench reads
    first_names_*), scored as it came and at the end, the same both times."""
    students_hidden, grown_ups_hidden = first_name_shares("names_heldout_r.jsonl")
    assert students_hidden >= 0.944 and grown_ups_hidden <= 0.19, \
        f"{students_hidden:.3f} of students hidden, {grown_ups_hidden:.3f} of grown-ups"
