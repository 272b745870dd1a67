"""Timed work: an outbox of deliveries, a delivery policy, and one scheduler per deployment.

Features plan deliveries into the `deliveries` table (idempotent on job, recipient and
occurrence); the dispatcher claims each before sending, so a crash, a restart or a second
replica never sends twice, and what was missed while down is caught up or marked skipped.
"""
