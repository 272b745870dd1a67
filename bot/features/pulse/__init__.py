"""TAM pulse surveys: a coach launches one to a pilot cohort; teachers answer anonymously."""
