"""Reusable UI pieces. Each takes plain data; pages only arrange them."""
