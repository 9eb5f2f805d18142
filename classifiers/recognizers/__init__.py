"""Presidio recognizers for Chinese personal data (one module per entity).

They wrap the presidio-free definitions in ``classifiers.entities`` so that the batch /
deep-analysis path (presidio) and the request path (``classifiers.scanner``) share
patterns, context words and validators.
"""
