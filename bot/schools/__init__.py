"""Schools: their time zone, hours and closure dates, and the school-time arithmetic on them."""
