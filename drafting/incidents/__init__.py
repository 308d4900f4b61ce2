"""Incidents: facts timeline, update cadence, crisis mode, signed webhooks, mentions and spike
alerts, KPIs and the post-incident review report.

Domain logic lives here; storage in ``drafting.storage.incidents``; HTTP in
``drafting.api.routes`` (incidents, mentions, kpis, dashboard).
"""
