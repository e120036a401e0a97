#!/usr/bin/env bash
# Runs a command in an image's root filesystem, for scripts/image-test.sh, which starts it under
# `unshare -m --propagation private` so the mounts below stay in a private mount namespace:
#   jail.sh ROOTFS MOUNTPOINT UID:GID WORKDIR [-b HOST_DIR:IMAGE_DIR]... [-t IMAGE_DIR]... -- \
#     NAME=VALUE... COMMAND ARG...
# The root is bind-mounted read-only with /proc, a minimal /dev, the volumes (-b) and tmpfs dirs
# (-t); the command runs as UID:GID in WORKDIR with exactly the environment given.
set -euo pipefail
rootfs=$1 jail=$2 user=$3 workdir=$4; shift 4
mount --bind "$rootfs" "$jail"
mount -o remount,bind,ro "$jail"
mount -t proc proc "$jail/proc"
mount -t tmpfs -o mode=0755,size=1m tmpfs "$jail/dev"
for node in null zero full random urandom; do
  touch "$jail/dev/$node" && mount --bind "/dev/$node" "$jail/dev/$node"
done
ln -s /proc/self/fd "$jail/dev/fd"
ln -s /proc/self/fd/0 "$jail/dev/stdin"
ln -s /proc/self/fd/1 "$jail/dev/stdout"
ln -s /proc/self/fd/2 "$jail/dev/stderr"
while [ "$1" != "--" ]; do
  case $1 in
    -b) mount --bind "${2%%:*}" "$jail${2#*:}"; shift 2 ;;           # -b HOST_DIR:IMAGE_DIR
    -t) mount -t tmpfs -o mode=1777,size=64m tmpfs "$jail$2"; shift 2 ;; # -t IMAGE_DIR
    *) echo "jail: unknown option $1" >&2; exit 2 ;;
  esac
done
shift
uid=${user%%:*}
gid=${user#*:}
exec chroot --userspec="$uid:$gid" --groups="$gid" "$jail" /usr/bin/env -i -C "$workdir" "$@"
