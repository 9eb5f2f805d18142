"""Compliance evidence for graded-protection (等保 2.0) assessments, gathered from the live system."""
