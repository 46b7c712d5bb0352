"""Presentation: console tables, issue reports, maps, figures, reports and exports."""
