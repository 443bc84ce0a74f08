"""The printable PDF handout, made from the built site (scripts/build_pdf.py)."""
