"""Presidio-free entity definitions: patterns, context words and validators.

The request-path scanner and the presidio recognizers both read these modules, so a
checksum rule lives in exactly one place and the fast path never imports presidio.
"""
