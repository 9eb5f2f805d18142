#!/usr/bin/env bash
# Makes ./secrets for the reference deployment: a root CA and certificates for the OpenSearch
# nodes, the admin, Dashboards and the load balancer; a separate client CA and one sample
# caller certificate (mutual TLS); random passwords and the hashed internal_users.yml.
# Idempotent: what exists is kept. Usage: ./certs.sh [DIR]   (default ./secrets)
set -euo pipefail
out=${1:-"$(dirname "$0")/secrets"}
umask 077
mkdir -p "$out/certs"
c=$out/certs
subj="/C=CN/O=civil-affairs/OU=minguard"

ca() {  # name, CN
  [[ -f $c/$1.pem ]] || openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "$subj/CN=$2" \
    -keyout "$c/$1-key.pem" -out "$c/$1.pem" 2>/dev/null
}
leaf() {  # ca, name, CN, SANs, extendedKeyUsage
  [[ -f $c/$2.pem ]] && return 0
  openssl req -newkey rsa:3072 -nodes -subj "$subj/CN=$3" -keyout "$c/$2-key.pem" -out "$c/$2.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=%s\n' "$4" "$5" > "$c/$2.ext"
  openssl x509 -req -in "$c/$2.csr" -CA "$c/$1.pem" -CAkey "$c/$1-key.pem" -CAcreateserial -days 825 \
    -extfile "$c/$2.ext" -out "$c/$2.pem" 2>/dev/null
  # OpenSearch wants PKCS#8 keys
  openssl pkcs8 -topk8 -nocrypt -in "$c/$2-key.pem" -out "$c/$2-key.pem.p8" && mv "$c/$2-key.pem.p8" "$c/$2-key.pem"
  rm -f "$c/$2.csr" "$c/$2.ext"
}

ca root-ca "minguard root CA"
ca client-ca "minguard client CA"  # signs callers' certificates only
for n in os01 os02 os03; do
  leaf root-ca "$n" "$n" "DNS:$n,DNS:opensearch,DNS:localhost" "serverAuth,clientAuth"
done
leaf root-ca admin admin "DNS:admin" "clientAuth"
leaf root-ca dashboards dashboards "DNS:dashboards,DNS:localhost" "serverAuth"
leaf root-ca lb lb "DNS:lb,DNS:localhost,IP:127.0.0.1" "serverAuth"
leaf client-ca caller-example "caseworker-system-610902" "DNS:caller-example" "clientAuth"

for user in admin gateway dashboards auditadmin officer; do
  [[ -f $out/${user}_password ]] || openssl rand -base64 24 | tr -d '\n/+=' > "$out/${user}_password"
done

# Hashes with the security plugin's own tool (bcrypt), from the image compose runs.
if [[ ! -f $out/internal_users.yml ]] && docker info >/dev/null 2>&1; then
  hash() { docker run --rm opensearchproject/opensearch:2.19.3 \
    plugins/opensearch-security/tools/hash.sh -p "$(cat "$out/$1_password")" | tail -n1; }
  {
    printf '_meta:\n  type: "internalusers"\n  config_version: 2\n'
    printf 'admin:\n  hash: "%s"\n  reserved: true\n' "$(hash admin)"
    printf 'minguard-gateway:\n  hash: "%s"\n' "$(hash gateway)"
    printf 'dashboards:\n  hash: "%s"\n  reserved: true\n' "$(hash dashboards)"
    printf 'auditadmin:\n  hash: "%s"\n' "$(hash auditadmin)"
    printf 'officer:\n  hash: "%s"\n' "$(hash officer)"
  } > "$out/internal_users.yml"
fi
[[ -f $out/internal_users.yml ]] || echo "no docker daemon: internal_users.yml not made (run again where docker runs)" >&2
chmod 0644 "$c"/*.pem  # the containers' users read them; the *-key.pem files hold the secrets
chmod 0640 "$c"/*-key.pem
echo "secrets in $out"
