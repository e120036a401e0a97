#!/usr/bin/env bash
# Fetches DuckDB 1.4.4 from the npm registry with `npm pack`, checks each tarball against its
# pinned SHA-512, and unpacks the C header and the shared library into third_party/duckdb/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third_party/duckdb"
stamp="$dest/.complete-1.4.4-r.4"
[ -f "$stamp" ] && exit 0

header_pkg="duckdb@1.4.4"
header_sri="sha512-hEJJ5hyVF0VLj3dmOLpsWrQR0b3d4Ykqtygm6iUXjHJDDnSqg/USKxcb5qvNrOhFYPgktayU6dXCtgPqcmmpog=="
lib_pkg="@duckdb/node-bindings-linux-x64@1.4.4-r.4"
lib_sri="sha512-jBTL/WvfwxLToFa/pVHfT6elMtltJGnc3wSuxZD9OfMltit9YUdVFS37vBFQzXMT1Z8OWjtSjMh+zPKxOwHLHA=="

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fetch() { # package, expected SRI -> prints tarball path
  local pkg=$1 sri=$2 file
  file=$(cd "$work" && npm pack --silent "$pkg" 2>/dev/null | tail -n 1)
  local actual="sha512-$(openssl dgst -sha512 -binary "$work/$file" | base64 -w0)"
  if [ "$actual" != "$sri" ]; then
    echo "fetch-duckdb: integrity mismatch for $pkg (got $actual)" >&2; exit 1
  fi
  echo "$work/$file"
}
echo "fetch-duckdb: downloading $header_pkg and $lib_pkg"
header_tgz=$(fetch "$header_pkg" "$header_sri")
lib_tgz=$(fetch "$lib_pkg" "$lib_sri")

rm -rf "$dest"; mkdir -p "$dest/include" "$dest/lib"
tar -xzf "$header_tgz" -C "$work" package/src/duckdb/src/include/duckdb.h
cp "$work/package/src/duckdb/src/include/duckdb.h" "$dest/include/"
mkdir -p "$work/lib" && tar -xzf "$lib_tgz" -C "$work/lib"
so=$(find "$work/lib" -name 'libduckdb.so' | head -n 1)
[ -n "$so" ] || { echo "fetch-duckdb: libduckdb.so not found in $lib_pkg" >&2; exit 1; }
cp "$so" "$dest/lib/"
touch "$stamp"
echo "fetch-duckdb: DuckDB 1.4.4 ready in third_party/duckdb"
