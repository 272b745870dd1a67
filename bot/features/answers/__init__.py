"""Answers: a teacher asks, the knowledge base answers or admits it does not know."""
