"""Coffee and Curriculum: informal check-ins a coach runs for a cohort, and 1:1 rotations."""
