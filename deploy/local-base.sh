#!/usr/bin/env bash
# Local stand-ins for the base images the Dockerfile and docker-compose.yml name, for machines that reach no image
# registry (ours: Debian's packages and NuGet only). Each is a Debian bookworm tree made with
# `debootstrap --variant=minbase`, given what the official image gives, and loaded with `docker import`:
#
#   halomcp-local/dotnet-aspnet:10.0  for mcr.microsoft.com/dotnet/aspnet:10.0  (this machine's .NET and ASP.NET
#                                                                               Core runtimes, user app, uid 1654)
#   halomcp-local/dotnet-sdk:10.0     for mcr.microsoft.com/dotnet/sdk:10.0     (this machine's .NET SDK, and an
#                                                                               offline NuGet feed: see below)
#   halomcp-local/redis:7             for redis:7                               (Debian's redis-server)
#
# Then: docker build --build-arg SDK_IMAGE=halomcp-local/dotnet-sdk:10.0 \
#                    --build-arg RUNTIME_IMAGE=halomcp-local/dotnet-aspnet:10.0 ...
# (deploy/smoke.sh does exactly that). Usage: deploy/local-base.sh [--rebuild]
#
# NuGet inside a build container: this machine reaches NuGet through TLS that only the host's own trust store
# accepts, and an image should not carry that. So the SDK image carries the packages instead: this checkout's
# projects are restored on the host into a folder (a NuGet feed layout), which becomes /opt/nuget-feed in the image,
# the only source its NuGet.Config names. The feed is rebuilt (a small layer on the imported SDK) whenever the
# checkout's project or package files change; the Dockerfile's own `dotnet restore` then runs offline.
#
# Needs root, a running Docker engine, debootstrap (installed from apt when missing) and the .NET 10 SDK.
set -euo pipefail

suite=bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${HALOMCP_BASE_CACHE:-/var/cache/halomcp-base}
dotnet_root=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
sdk_image=halomcp-local/dotnet-sdk:10.0
sdk_bare_image=halomcp-local/dotnet-sdk-bare:10.0
runtime_image=halomcp-local/dotnet-aspnet:10.0
redis_image=halomcp-local/redis:7
# The official .NET images' non-root user: `app`, uid and gid 1654, named by APP_UID.
app_uid=1654

repo=$(cd "$(dirname "$0")/.." && pwd)
rebuild=false
[ "${1:-}" = "--rebuild" ] && rebuild=true

log() { printf '[local-base %(%H:%M:%S)T] %s\n' -1 "$*"; }

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# What the feed depends on: the files the Dockerfile's restore step copies.
restore_inputs=(Directory.Build.props Directory.Packages.props src/*/*.csproj)
packages_hash=$(cd "$repo" && cat "${restore_inputs[@]}" | sha256sum | cut -c1-16)

feed_current() {
  [ "$(docker image inspect --format '{{ index .Config.Labels "halomcp.packages" }}' "$sdk_image" 2>/dev/null)" = "$packages_hash" ]
}

if ! $rebuild && have_image "$sdk_bare_image" && have_image "$runtime_image" && have_image "$redis_image" && feed_current; then
  log "images present and current: $sdk_image $runtime_image $redis_image (--rebuild to make them again)"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || { echo "local-base.sh needs root (debootstrap, chroot)" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers (deploy/smoke.sh starts one)" >&2; exit 1; }
[ -x "$dotnet_root/dotnet" ] && [ -d "$dotnet_root/shared/Microsoft.AspNetCore.App" ] \
  || { echo "no .NET SDK with the ASP.NET Core runtime at $dotnet_root (set DOTNET_ROOT)" >&2; exit 1; }

work=$(mktemp -d /var/tmp/halomcp-base.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The images made from the Debian tree; kept until --rebuild.
make_base_images() {
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  fi

  # One debootstrap serves all three images; its tree is kept as a tarball, since it is the slow step (80-200 s).
  # The packages are the official runtime-deps image's: CA certificates, ICU (globalization), OpenSSL 3 (TLS to
  # HaloPSA), time zones.
  local base_tar="$cache/$suite-minbase.tar"
  if $rebuild || [ ! -s "$base_tar" ]; then
    mkdir -p "$cache"
    log "debootstrap --variant=minbase $suite from $mirror"
    debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
      "$suite" "$work/base" "$mirror" >"$work/debootstrap.log" 2>&1 \
      || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    # apt's lists, downloaded packages and documentation are not part of an image.
    rm -rf "$work/base/var/lib/apt/lists/"* "$work/base/var/cache/apt/archives/"*.deb \
      "$work/base/usr/share/doc/"* "$work/base/usr/share/man/"* "$work/base/usr/share/info/"*
    tar -C "$work/base" -cf "$base_tar.part" . && mv "$base_tar.part" "$base_tar"
    rm -rf "$work/base"
  fi

  # The runtime image: the .NET and ASP.NET Core shared runtimes only, as in the official aspnet image.
  log "runtime tree from $dotnet_root"
  unpack "$base_tar" "$work/runtime"
  add_app_user "$work/runtime"
  mkdir -p "$work/runtime/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/LICENSE.txt" "$work/runtime/usr/share/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" \
    "$work/runtime/usr/share/dotnet/shared/"
  ln -s /usr/share/dotnet/dotnet "$work/runtime/usr/bin/dotnet"
  local runtime_version
  runtime_version=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)
  import "$work/runtime" "$runtime_image" \
    --change "ENV APP_UID=$app_uid" \
    --change "ENV ASPNETCORE_HTTP_PORTS=8080" \
    --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
    --change "ENV DOTNET_VERSION=$runtime_version" \
    --change "ENV ASPNET_VERSION=$runtime_version" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  rm -rf "$work/runtime"

  # The SDK image without its feed: the whole SDK, as the official sdk image has it.
  log "sdk tree from $dotnet_root"
  unpack "$base_tar" "$work/sdk"
  add_app_user "$work/sdk"
  cp -a "$dotnet_root" "$work/sdk/usr/share/dotnet"
  ln -s /usr/share/dotnet/dotnet "$work/sdk/usr/bin/dotnet"
  import "$work/sdk" "$sdk_bare_image" \
    --change "ENV APP_UID=$app_uid" \
    --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
    --change "ENV DOTNET_SDK_VERSION=$("$dotnet_root/dotnet" --version)" \
    --change "ENV DOTNET_CLI_TELEMETRY_OPTOUT=1" \
    --change "ENV DOTNET_NOLOGO=1" \
    --change "ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false" \
    --change "ENV NUGET_XMLDOC_MODE=skip" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  rm -rf "$work/sdk"

  # Redis: Debian's redis-server in the same tree, run as its own user like the official image's `redis`.
  log "redis tree (apt-get install redis-server in a chroot)"
  unpack "$base_tar" "$work/redis"
  cp /etc/resolv.conf "$work/redis/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$work/redis/usr/sbin/policy-rc.d" && chmod +x "$work/redis/usr/sbin/policy-rc.d"
  { chroot "$work/redis" apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive chroot "$work/redis" apt-get install -y -qq --no-install-recommends redis-server; } \
    >"$work/redis-apt.log" 2>&1 || { tail -20 "$work/redis-apt.log" >&2; exit 1; }
  rm -rf "$work/redis/var/lib/apt/lists/"* "$work/redis/var/cache/apt/archives/"*.deb \
    "$work/redis/usr/sbin/policy-rc.d" "$work/redis/usr/share/doc/"* "$work/redis/usr/share/man/"*
  : >"$work/redis/etc/resolv.conf"
  mkdir -p "$work/redis/data" && chroot "$work/redis" chown redis:redis /data
  import "$work/redis" "$redis_image" \
    --change "USER redis" \
    --change "WORKDIR /data" \
    --change "VOLUME /data" \
    --change "EXPOSE 6379" \
    --change 'CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--dir", "/data"]'
  rm -rf "$work/redis"
}

# The SDK image proper: the bare SDK plus this checkout's packages as its only NuGet source.
make_sdk_image() {
  log "NuGet feed: restoring this checkout's projects on the host (packages $packages_hash)"
  mkdir -p "$work/restore" "$work/context"
  (cd "$repo" && cp --parents "${restore_inputs[@]}" "$work/restore/")
  # The restore runs on a copy of the project files, so the checkout's own obj/ folders are left alone.
  dotnet restore "$work/restore/src/Api/Api.csproj" --packages "$work/context/feed" >"$work/restore.log" 2>&1 \
    || { tail -20 "$work/restore.log" >&2; exit 1; }
  cat >"$work/context/NuGet.Config" <<'CONFIG'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="halomcp-local-feed" value="/opt/nuget-feed" />
  </packageSources>
</configuration>
CONFIG
  # Signatures are still verified; revocation is checked offline, as on this machine (no revocation server answers).
  docker build -q -t "$sdk_image" --label "halomcp.packages=$packages_hash" -f - "$work/context" >"$work/build.log" 2>&1 <<DOCKERFILE || { tail -20 "$work/build.log" >&2; exit 1; }
FROM $sdk_bare_image
COPY feed /opt/nuget-feed
COPY NuGet.Config /root/.nuget/NuGet/NuGet.Config
ENV NUGET_CERT_REVOCATION_MODE=offline
DOCKERFILE
  log "docker build $sdk_image ($(du -sh "$work/context/feed" | cut -f1) of packages)"
}

unpack() { mkdir -p "$2" && tar -C "$2" -xf "$1"; }

add_app_user() {
  chroot "$1" groupadd --gid "$app_uid" app
  chroot "$1" useradd --uid "$app_uid" --gid "$app_uid" --no-create-home --home-dir /app --shell /usr/sbin/nologin app
}

# docker import takes the tree as a tarball on stdin; --change sets what an official image's Dockerfile sets.
import() {
  local tree=$1 tag=$2; shift 2
  log "docker import $tag ($(du -sh "$tree" | cut -f1))"
  tar -C "$tree" -c . | docker import "$@" - "$tag" >/dev/null
}

if $rebuild || ! have_image "$sdk_bare_image" || ! have_image "$runtime_image" || ! have_image "$redis_image"; then
  make_base_images
fi
if $rebuild || ! feed_current; then
  make_sdk_image
fi

docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep '^halomcp-local/' | sed 's/^/[local-base] /'
