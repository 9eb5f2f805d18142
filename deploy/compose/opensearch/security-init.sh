#!/usr/bin/env bash
# Loads the security configuration into the cluster with the admin certificate, once the
# nodes answer. Idempotent: running it again re-applies the same files.
set -euo pipefail
tools=/usr/share/opensearch/plugins/opensearch-security/tools
cfg=/usr/share/opensearch/config/opensearch-security
cp /security/roles.yml /security/roles_mapping.yml /security/internal_users.yml /security/audit.yml "$cfg/"
for _ in $(seq 60); do
  if "$tools/securityadmin.sh" -cd "$cfg" -h os01 -icl -nhnv \
      -cacert /certs/root-ca.pem -cert /certs/admin.pem -key /certs/admin-key.pem; then
    exit 0
  fi
  sleep 5
done
echo "security configuration not loaded" >&2
exit 1
