# shellcheck shell=bash
# Sourced by scripts/image-test.sh: the base images, made locally (see its header).

# --- base images -------------------------------------------------------------------------------
debian_ref=docker.io/library/debian:bookworm-slim
node_ref=docker.io/library/node:20-bookworm
node_slim_ref=docker.io/library/node:20-bookworm-slim
nginx_ref=docker.io/library/nginx:1.27-alpine

shopt -s nullglob
host_cas=(/usr/local/share/ca-certificates/*.crt)
shopt -u nullglob

have_image() { buildah inspect --type image "$1" >/dev/null 2>&1; }

make_debian_base() {
  local tarball="$cache/debian-bookworm-minbase.tar" started=$SECONDS
  mkdir -p "$cache"
  if [ ! -s "$tarball" ]; then
    log "debootstrap bookworm minbase (cached afterwards in $tarball)"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
      || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' \
        --exclude='./sys/*' -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$work/rootfs"
    note "debootstrap: $((SECONDS - started)) s"
  fi
  local ctr
  ctr=$(buildah from scratch)
  containers+=("$ctr")
  buildah add "$ctr" "$tarball" / >/dev/null
  # Certificate authorities this host added (a TLS-inspecting proxy's, say) are added to the
  # stand-in bases, so downloads inside the builds are trusted as they are on the host: Debian's
  # ca-certificates picks them up when a stage installs it, Node.js via NODE_EXTRA_CA_CERTS.
  if [ "${#host_cas[@]}" -gt 0 ]; then
    buildah copy "$ctr" "${host_cas[@]}" /usr/local/share/ca-certificates/ >/dev/null
  fi
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd '["bash"]' "$ctr"
  buildah commit --quiet --format docker "$ctr" "$debian_ref" >/dev/null
}

make_node_base() {
  local node_tgz npm_tgz ctr mnt
  node_tgz=$(npm_fetch "$node_pkg" "$node_sri")
  npm_tgz=$(npm_fetch "$npm_pkg" "$npm_sri")
  new_container "$debian_ref"
  ctr=$new_ctr
  mnt=$(buildah mount "$ctr")
  tar -xzf "$node_tgz" -C "$mnt/usr/local" --strip-components=1 package/bin/node package/include
  mkdir -p "$mnt/usr/local/lib/node_modules/npm"
  tar -xzf "$npm_tgz" -C "$mnt/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
  buildah run --isolation chroot "$ctr" -- sh -c \
    'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
  local versions
  versions=$(buildah run --isolation chroot "$ctr" -- sh -c 'node --version && npm --version' | tr '\n' ' ')
  if [ "${#host_cas[@]}" -gt 0 ]; then
    cat "${host_cas[@]}" > "$mnt/usr/local/share/ca-certificates/node-extra-ca.pem"
    buildah config --env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/node-extra-ca.pem "$ctr"
  fi
  buildah config --env NODE_VERSION="${node_pkg#*@}" --cmd '["node"]' "$ctr"
  buildah commit --quiet --format docker "$ctr" "$node_ref" >/dev/null
  buildah tag "$node_ref" "$node_slim_ref"
  note "node base: node/npm $versions"
}

make_nginx_base() {
  local ctr mnt
  new_container "$debian_ref"
  ctr=$new_ctr
  mnt=$(buildah mount "$ctr")
  printf '#!/bin/sh\nexit 101\n' > "$mnt/usr/sbin/policy-rc.d" && chmod 755 "$mnt/usr/sbin/policy-rc.d"
  buildah run --isolation chroot "$ctr" -- sh -c '
    apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx wget >/dev/null \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
    && groupadd --system --gid 101 nginx \
    && useradd --system --uid 101 --gid nginx --home-dir /nonexistent --no-create-home \
         --shell /usr/sbin/nologin nginx \
    && mkdir -p /etc/nginx/conf.d /var/cache/nginx /usr/share/nginx/html \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log'
  rm -f "$mnt/usr/sbin/policy-rc.d"
  cat > "$mnt/etc/nginx/nginx.conf" <<'EOF'
user nginx;
worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid /run/nginx.pid;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /var/log/nginx/access.log;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path /var/cache/nginx/client_temp;
    proxy_temp_path /var/cache/nginx/proxy_temp;
    fastcgi_temp_path /var/cache/nginx/fastcgi_temp;
    uwsgi_temp_path /var/cache/nginx/uwsgi_temp;
    scgi_temp_path /var/cache/nginx/scgi_temp;
    include /etc/nginx/conf.d/*.conf;
}
EOF
  cat > "$mnt/etc/nginx/conf.d/default.conf" <<'EOF'
server {
    listen 80;
    root /usr/share/nginx/html;
}
EOF
  echo '<!doctype html><title>nginx</title>' > "$mnt/usr/share/nginx/html/index.html"
  buildah config --cmd '["nginx", "-g", "daemon off;"]' --stop-signal SIGQUIT --port 80 "$ctr"
  buildah commit --quiet --format docker "$ctr" "$nginx_ref" >/dev/null
  note "nginx base: $(buildah run --isolation chroot "$ctr" -- nginx -v 2>&1)"
}

base_images() {
  local started=$SECONDS
  have_image "$debian_ref" || make_debian_base
  if ! have_image "$node_ref" || ! have_image "$node_slim_ref"; then make_node_base; fi
  have_image "$nginx_ref" || make_nginx_base
  note "base images ready: $((SECONDS - started)) s"
}

