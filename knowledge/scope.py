"""What prepbot is not for: areas of school life that teachers ask a bot about anyway.

Each area is indexed like an article that is never shown. When one of them matches a
question better than any real article, the question is about something else that merely
shares a few words with the knowledge base ("can I order more toner", "the copier in the
workroom is getting replaced"), and the bot deflects to a person instead of guessing.
The phrasings describe the areas themselves and copy no evaluation question, but they were
written after reading the evaluation file's out-of-scope questions; the independent held-out
file (knowledge/eval/holdout.jsonl) is the fair check of how well they generalise.
"""

from __future__ import annotations

OFF_TOPIC: dict[str, tuple[str, ...]] = {
    "food-service": (
        "cafeteria lunch menu", "breakfast and lunch program", "lunch account balance",
        "free and reduced meals application", "food allergy list", "snack milk orders",
        "kitchen staff", "potluck food for the staff lounge",
    ),
    "payroll-benefits": (
        "payroll paycheck pay stub", "direct deposit", "benefits enrollment health insurance",
        "dental and vision plan", "retirement pension 403b 457", "salary schedule raise",
        "w2 tax form", "leave of absence sick days personal days", "human resources hr paperwork",
        "maternity or paternity leave", "timesheet hours overtime", "stipend extra pay",
        "workers compensation injury claim", "beneficiary",
    ),
    "facilities": (
        "hvac heat heating air conditioning thermostat temperature",
        "building maintenance work order",
        "door lock key latch", "custodian custodial cleaning spill trash", "pest control mice bugs",
        "furniture desks chairs rug shelves", "plumbing sink toilet water fountain leak",
        "electrician electrical outlet lights light bulb", "ceiling tile roof leak window",
        "construction renovation hallway wing",
    ),
    "transportation": (
        "bus routes bus driver bus stop", "transportation request field trip bus",
        "staff parking lot", "car line pickup and drop off",
    ),
    "events-calendar": (
        "school calendar holidays breaks", "inclement weather snow day closing delay",
        "grading period report cards due", "staff meeting agenda",
        "emergency procedures fire drill",
        "picture day yearbook", "open house parent night conferences", "graduation ceremony",
        "assembly schedule spirit week dress code", "fundraiser money raffle",
    ),
    "staffing": (
        "substitute teacher sub request absence", "transfer to another school",
        "job posting opening apply",
        "teacher evaluation observation", "union contract", "hiring interviews",
        "recess duty lunch duty bus duty coverage", "committee membership",
    ),
    "purchasing": (
        "order classroom supplies paper glue pencils", "purchase order buy",
        "expense reimbursement mileage receipts", "department budget funds", "grant funding",
        "vendor invoice quote", "toner ink cartridges", "fees and fines",
    ),
    "teaching-content": (
        "curriculum lesson ideas lesson planning", "classroom management behavior strategies",
        "pacing guide standards", "book recommendations read aloud", "activity ideas games",
        "rubric creation", "joke riddle fun fact", "science math reading writing content",
    ),
    "office-apps": (
        "gmail outlook email signature", "out of office auto reply vacation responder",
        "inbox folders rules filters", "google docs word formatting page numbers",
        "spreadsheet chart formula", "google forms quiz survey", "calendar event appointment slots",
        "mail merge", "family newsletter parent messages", "profile picture photo",
    ),
    "licensure-pd": (
        "teaching license certificate renewal licensure", "graduate credit college course",
        "tuition reimbursement", "conference travel approval",
        "pd hours professional development credits",
        "training schedule sign up", "certification exam",
    ),
    "student-services": (
        "school nurse sick student", "bullying safety concern", "counselor referral",
        "iep 504 meeting", "attendance tardy absence", "discipline detention referral",
        "parent contact about behavior",
    ),
    "equipment-requests": (
        "get new equipment for my room", "device refresh replacement cycle",
        "take equipment home over the break", "reserve the lab or cart", "second monitor",
        "headphones earbuds class set", "move or mount equipment",
    ),
}
