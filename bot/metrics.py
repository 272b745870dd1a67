"""Prometheus counters and histograms, on a registry of their own per running bot."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """The figures /metrics exposes."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.questions = Counter("prepbot_questions", "Questions asked", ["outcome"],
                                 registry=self.registry)
        self.feedback = Counter("prepbot_feedback", "Did this help? answers", ["helpful"],
                                registry=self.registry)
        self.incoming = Counter("prepbot_incoming", "Events handled by the core", ["kind"],
                                registry=self.registry)
        self.duplicates = Counter("prepbot_duplicate_events", "Retried events dropped",
                                  registry=self.registry)
        self.errors = Counter("prepbot_errors", "Events that failed inside the core",
                              registry=self.registry)
        self.deliveries = Counter("prepbot_deliveries", "Scheduled deliveries by outcome",
                                  ["outcome"], registry=self.registry)
        # Each HTTP request, by adapter (slack, teams, web, ops) and route.
        self.requests = Counter("prepbot_requests", "HTTP requests by adapter and status",
                                ["adapter", "route", "status"], registry=self.registry)
        self.request_seconds = Histogram(
            "prepbot_request_seconds", "HTTP request latency", ["adapter", "route"],
            registry=self.registry, buckets=LATENCY)
        self.handle_seconds = Histogram(
            "prepbot_handle_seconds", "Time the core takes per event", ["kind"],
            registry=self.registry, buckets=LATENCY)
        self.tickets = Counter("prepbot_tickets", "Ticket events", ["event"],
                               registry=self.registry)
        self.ticket_seconds = Histogram(
            "prepbot_ticket_open_seconds", "Time to store a new ticket", registry=self.registry,
            buckets=LATENCY)
        self.ticks = Counter("prepbot_scheduler_ticks", "Scheduler ticks by outcome", ["outcome"],
                             registry=self.registry)
        self.tick_seconds = Histogram(
            "prepbot_scheduler_tick_seconds", "Scheduler tick latency", registry=self.registry,
            buckets=(*LATENCY, 10.0, 30.0, 60.0))
        self.leader = Gauge("prepbot_scheduler_leader",
                            "1 while this process runs the scheduler", registry=self.registry)
        self.kb_seconds = Histogram(
            "prepbot_kb_seconds", "Knowledge-base answer latency", registry=self.registry,
            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1))

    def render(self) -> bytes:
        """The Prometheus text format."""
        return bytes(generate_latest(self.registry))
