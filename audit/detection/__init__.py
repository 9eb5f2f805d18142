"""Detection over the audit trail: rules as data (rules/*.yaml), evaluated with OpenSearch
aggregations, hits written as alerts with evidence. See docs/detection.md."""
