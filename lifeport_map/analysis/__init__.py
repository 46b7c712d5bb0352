"""Analyses: pure functions of the registry or graph that return plain data."""
