#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds the tiny test guest of the QEMU backend tests: a Debian cloud kernel and a
# busybox-static initramfs whose /init prints "GUEST-READY" on ttyS0 and powers off
# on the ACPI power button.
#
# Usage: tests/qemu/make-guest.sh OUTDIR
#   → OUTDIR/vmlinuz, OUTDIR/initramfs.gz, OUTDIR/guest.env (KERNEL=, INITRD=, CMDLINE=)
#
# For the runtime tests (tests/qemu/meson.build): call it at test time (or from a
# setup fixture) with OUTDIR = meson.current_build_dir()/guest and hand the directory
# to the tests as env GVIRT_TEST_GUEST_DIR. It is idempotent and cheap when OUTDIR is
# complete (a stamp file, no apt call: ~10 ms), safe to run from parallel tests (flock),
# and exits 77 (meson's "skip") when the packages cannot be fetched, so offline CI skips
# the boot tests instead of failing them.
#
# Domain XML for it: <domain type='qemu'> (TCG: /dev/kvm here is PVM and cannot boot a
# stock kernel), <memory> >= 72 MiB (73728 KiB; 64 MiB dies in the decompressor),
# <os><kernel>OUTDIR/vmlinuz</kernel><initrd>OUTDIR/initramfs.gz</initrd>
# <cmdline>console=ttyS0 quiet panic=-1</cmdline></os>, <features><acpi/></features>
# (without <acpi/> the argv builder turns ACPI off, as libvirt does, and the power
# button does nothing), and <serial type='pty'/> to read GUEST-READY from.
#
# Nothing is installed on the host: the .debs are fetched with `apt-get download` into
# a cache (GVIRT_GUEST_CACHE, default ${XDG_CACHE_HOME:-~/.cache}/gvirt/guest-debs) and
# unpacked with `dpkg-deb -x`. Needs apt-get, dpkg-deb, cpio, gzip.
#
# Guest behaviour (/init is a busybox sh script):
#   - mounts proc, sys, devtmpfs; insmods virtio_pci, virtio_balloon, button, evdev and
#     their .modinfo depends= chain, dependencies first (so the balloon works)
#   - starts busybox acpid; /etc/acpi/PWRF/00000080 does "sync; poweroff -f"
#   - prints "GUEST-READY mem=<MemTotal>kB" on the console (ttyS0 with console=ttyS0)
set -eu -o pipefail

STAMP_VERSION=1   # bump when the guest's contents change

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
OUT=$(realpath -m "$1")
CACHE=${GVIRT_GUEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gvirt/guest-debs}
SELF_SUM=$(sha256sum "$0" | cut -c1-16)
STAMP="v$STAMP_VERSION-$SELF_SUM"

complete() {
  [ -s "$OUT/vmlinuz" ] && [ -s "$OUT/initramfs.gz" ] && [ -s "$OUT/guest.env" ] &&
    [ "$(cat "$OUT/.complete" 2>/dev/null)" = "$STAMP" ]
}

# Fast path: nothing to do (no lock, no apt).
if complete; then
  echo "guest: $OUT (up to date)"
  exit 0
fi

mkdir -p "$OUT" "$CACHE"
exec 9>"$OUT/.lock"
flock 9
if complete; then     # another process built it while we waited
  echo "guest: $OUT (built by another process)"
  exit 0
fi

for tool in apt-get dpkg-deb cpio gzip; do
  command -v "$tool" >/dev/null || { echo "make-guest.sh: $tool is missing (apt-get install $tool)" >&2; exit 77; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
chmod 0777 "$WORK"   # apt's _apt user downloads into it

fetch() {   # fetch PACKAGE GLOB: the cached .deb, downloaded when missing
  local pkg=$1 glob=$2 deb
  deb=$(ls -1 "$CACHE"/$glob 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$deb" ]; then
    if ! (cd "$WORK" && apt-get download -q "$pkg" >/dev/null 2>"$WORK/apt.err"); then
      echo "make-guest.sh: cannot download $pkg: $(tail -n1 "$WORK/apt.err")" >&2
      exit 77
    fi
    mv "$WORK"/${pkg}_*.deb "$CACHE/"
    deb=$(ls -1 "$CACHE"/$glob | sort -V | tail -n1)
  fi
  echo "$deb"
}
# A cached kernel is used as is (apt-cache alone takes seconds; empty the cache to
# move to a newer kernel); else the versioned package behind the cloud meta package.
KDEB=$(ls -1 "$CACHE"/linux-image-*-cloud-amd64_*.deb 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$KDEB" ]; then
  KPKG=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}' || true)
  [ -n "$KPKG" ] || { echo "make-guest.sh: cannot resolve linux-image-cloud-amd64 (apt-get update?)" >&2; exit 77; }
  KDEB=$(fetch "$KPKG" "${KPKG}_*.deb") || exit 77
fi
BDEB=$(fetch busybox-static "busybox-static_*.deb") || exit 77

mkdir "$WORK/k" "$WORK/bb"
# Only what the guest uses: unpacking the whole kernel package costs seconds more.
# The module directories must hold the depends= chain of the modules below.
(cd "$WORK/k" && dpkg-deb --fsys-tarfile "$KDEB" | tar -x --wildcards \
  './boot/vmlinuz-*' './lib/modules/*/modules.order' './lib/modules/*/modules.builtin' \
  './lib/modules/*/kernel/drivers/virtio/*' './lib/modules/*/kernel/drivers/acpi/button.ko' \
  './lib/modules/*/kernel/drivers/input/evdev.ko')
dpkg-deb -x "$BDEB" "$WORK/bb"
KVER=$(ls "$WORK/k/lib/modules")
KM="$WORK/k/lib/modules/$KVER"

R="$WORK/root"
mkdir -p "$R/bin" "$R/proc" "$R/sys" "$R/dev" "$R/tmp" "$R/run" "$R/var/log" "$R/var/run" \
         "$R/lib/modules" "$R/etc/acpi/PWRF"
cp "$WORK/bb/bin/busybox" "$R/bin/busybox"
ln -s busybox "$R/bin/sh"

# Modules with their dependencies (depends= in each .ko's .modinfo), dependencies
# first, in the order /init loads them.
ADDED=" "
: > "$R/lib/modules/order"
add_mod() {
  local name=$1 alt p d
  alt=$(echo "$name" | tr _ -)
  case "$ADDED" in *" $name "*) return 0 ;; esac
  p=$(grep -E "/($name|$alt)\.ko$" "$KM/modules.order" | head -n1 || true)
  if [ -z "$p" ]; then      # built in (or absent): nothing to load
    grep -qE "/($name|$alt)\.ko$" "$KM/modules.builtin" || echo "make-guest.sh: warning: module $name not found" >&2
    return 0
  fi
  [ -f "$KM/$p" ] || { echo "make-guest.sh: module $p was not unpacked (extend the tar patterns)" >&2; exit 1; }
  for d in $(tr '\0' '\n' < "$KM/$p" | sed -n 's/^depends=//p' | head -n1 | tr , ' '); do add_mod "$d"; done
  ADDED="$ADDED$name "
  cp "$KM/$p" "$R/lib/modules/"
  basename "$p" >> "$R/lib/modules/order"
}
for m in virtio_pci virtio_balloon button evdev; do add_mod "$m"; done

cat > "$R/etc/acpi/PWRF/00000080" <<'EOF'
#!/bin/sh
echo "GUEST-POWERBUTTON" > /dev/console
sync
poweroff -f
EOF
chmod 0755 "$R/etc/acpi/PWRF/00000080"

cat > "$R/init" <<'EOF'
#!/bin/sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
while read -r m; do insmod "/lib/modules/$m" || echo "GUEST-WARN insmod $m failed"; done < /lib/modules/order
acpid -f -l /var/log/acpid.log &
echo "GUEST-READY mem=$(awk '/MemTotal/{print $2}' /proc/meminfo)kB" > /dev/console
# PID 1 must stay; there is no shell on the console.
while :; do sleep 3600; done
EOF
chmod 0755 "$R/init"

# Write beside, then rename: a killed run never leaves a torn guest behind.
rm -f "$OUT/.complete"
cp "$WORK/k/boot/vmlinuz-$KVER" "$OUT/vmlinuz.tmp"
(cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc --quiet --reproducible | gzip -6n > "$OUT/initramfs.gz.tmp")
mv "$OUT/vmlinuz.tmp" "$OUT/vmlinuz"
mv "$OUT/initramfs.gz.tmp" "$OUT/initramfs.gz"
cat > "$OUT/guest.env.tmp" <<EOF
KERNEL=$OUT/vmlinuz
INITRD=$OUT/initramfs.gz
CMDLINE='console=ttyS0 quiet panic=-1'
MIN_MEMORY_KIB=73728
KERNEL_PACKAGE=$(basename "$KDEB" .deb)
EOF
mv "$OUT/guest.env.tmp" "$OUT/guest.env"
echo "$STAMP" > "$OUT/.complete"
echo "guest: $OUT/vmlinuz ($(basename "$KDEB" .deb)), $OUT/initramfs.gz ($(stat -c %s "$OUT/initramfs.gz") bytes)"
