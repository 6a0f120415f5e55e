"""
Submissions, scores and staff grading. The block calls only ``grading.api`` (the front door);
``grading.handlers`` validates the staff handlers' payloads before calling it.
"""
