"""Helpers shared by the test folders: where things are, building the site, serving it, reporting problems."""
