# shellcheck shell=bash
# Sourced by scripts/image-test.sh: running an image's root filesystem, and the check helpers.

# --- running an image's root filesystem --------------------------------------------------------
# The root is bind-mounted read-only in a private mount namespace with /proc, a minimal /dev, the
# given volumes (-b HOST_DIR:IMAGE_DIR) and tmpfs dirs (-t IMAGE_DIR); the command runs as the
# image's user in its working directory with exactly the environment given.
jail_start() { # log-prefix rootfs user workdir [-b ..|-t ..]... -- env... cmd...  (sets jail_pid)
  jail_logs "$1" "$3"
  unshare -m --propagation private "$jail_helper" "$2" "$work/jail" "${@:3}" \
    >> "$1.out" 2>> "$1.err" &
  jail_pid=$!
  pids+=("$jail_pid")
}
jail_run() { # log-prefix rootfs user workdir [-b ..|-t ..]... -- env... cmd...  (its exit status)
  jail_logs "$1" "$3"
  timeout 30 unshare -m --propagation private "$jail_helper" "$2" "$work/jail" "${@:3}" \
    >> "$1.out" 2>> "$1.err"
}
# The logs belong to the image's user: a program that reopens /dev/stdout or /dev/stderr (nginx's
# log symlinks) can, as it can under a container engine.
jail_logs() { # log-prefix user
  : > "$1.out"
  : > "$1.err"
  chown "$2" "$1.out" "$1.err"
}

fails() { ! "$@"; }
checks=0
check() { # description, command...
  local what=$1
  shift
  "$@" || fail "$what"
  checks=$((checks + 1))
  log "ok: $what"
}

free_port() { "$root/scripts/free-port.sh"; }
# shellcheck source=scripts/wait-http.sh
. "$root/scripts/wait-http.sh"  # wait_http URL SECONDS PID
stop_pid() { # pid signal -> the process's exit status
  kill "-$2" "$1"
  local status=0
  wait "$1" || status=$?
  return "$status"
}

# Reads the image's configuration into img_* variables and mounts its root filesystem.
load_image() { # image
  local cfg="$work/config.json"
  new_container "$1"
  img_root=$(buildah mount "$new_ctr")
  buildah inspect --type image "$1" | jq '.Docker.config' > "$cfg"
  img_user=$(jq -r '.User // ""' "$cfg")
  img_workdir=$(jq -r '.WorkingDir // "/"' "$cfg")
  [ -n "$img_workdir" ] || img_workdir=/
  mapfile -t img_env < <(jq -r '.Env // [] | .[]' "$cfg")
  mapfile -t img_argv < <(jq -r '(.Entrypoint // []) + (.Cmd // []) | .[]' "$cfg")
  mapfile -t img_volumes < <(jq -r '.Volumes // {} | keys[]' "$cfg")
  mapfile -t img_health < <(jq -r '.Healthcheck.Test // [] | .[]' "$cfg")
  case ${img_health[0]:-} in
    CMD) img_health=("${img_health[@]:1}") ;;
    CMD-SHELL) img_health=(/bin/sh -c "${img_health[1]}") ;;
    *) fail "$1 has no HEALTHCHECK (was it built with --format docker?)" ;;
  esac
  # HOME as a container engine sets it: the user's home in the image's /etc/passwd.
  img_home=$(awk -F: -v u="${img_user%%:*}" '$3 == u { print $6 }' "$img_root/etc/passwd")
  img_env+=("HOME=${img_home:-/}")
}
env_value() { # name -> value in img_env
  local entry
  for entry in "${img_env[@]}"; do
    if [ "${entry%%=*}" = "$1" ]; then echo "${entry#*=}"; fi
  done
}

