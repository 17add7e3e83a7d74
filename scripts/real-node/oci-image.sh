#!/usr/bin/env bash
# Writes a one-layer OCI image archive (an OCI image layout in a tar, as `ctr images import` and
# skopeo's `oci-archive:` read it) from a folder, without a container engine: the pause image of
# the real node and the example service's images for the real-pod tests are made with it.
#
# Usage: oci-image.sh <out.tar> <rootfs-dir> <ref-name> <config-json>
#   <config-json>  the image config's "config" object (OCI image spec, config.md), e.g.
#                  '{"Entrypoint":["/pause"],"User":"65535:65535"}'
# The layer is reproducible (sorted names, mtime 0, uid/gid 0, gzip without a name or time), so
# the same inputs give the same digests. Prints the manifest digest (sha256:...).
set -euo pipefail
out="$1" rootfs="$2" ref="$3" config="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blobs/sha256"

sha() { sha256sum "$1" | cut -d' ' -f1; }
blob() { # blob <file>: moves it into blobs/ by digest, prints the digest
  local d
  d="$(sha "$1")"
  mv "$1" "$work/blobs/sha256/$d"
  printf '%s\n' "$d"
}

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$work/layer.tar" .
diff_id="$(sha "$work/layer.tar")"
gzip -n -9 <"$work/layer.tar" >"$work/layer.tar.gz"
rm "$work/layer.tar"
layer_size="$(stat -c %s "$work/layer.tar.gz")"
layer="$(blob "$work/layer.tar.gz")"

printf '{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":%s,"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"scripts/real-node/oci-image.sh"}]}' \
  "$config" "$diff_id" >"$work/config.json"
config_size="$(stat -c %s "$work/config.json")"
config_digest="$(blob "$work/config.json")"

printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
  "$config_digest" "$config_size" "$layer" "$layer_size" >"$work/manifest.json"
manifest_size="$(stat -c %s "$work/manifest.json")"
manifest="$(blob "$work/manifest.json")"

printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' \
  "$manifest" "$manifest_size" "$ref" >"$work/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' >"$work/oci-layout"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out" oci-layout index.json blobs
printf 'sha256:%s\n' "$manifest"
