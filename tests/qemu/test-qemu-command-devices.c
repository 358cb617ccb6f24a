/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Unit tests of the QEMU argv builder on hand-written domains' devices: disks, interfaces, graphics, channels, refused elements. */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include <libvirt-gobject/libvirt-gobject.h>
#include "libvirt-gobject/config/gvirt-config.h"
#include "libvirt-gobject/backends/qemu/gvirt-qemu-command-private.h"
#include "qemu-command-test-util.h"

static void
test_disks (void)
{
  g_autofree char *xml = domain_xml ("qemu", NULL,
      "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
      "  <source file='/img/root.qcow2'/><target dev='vda' bus='virtio'/><serial>S1</serial></disk>\n"
      "<disk type='block' device='cdrom'><source dev='/dev/sr0'/><target dev='hdc' bus='ide'/></disk>\n"
      "<disk type='file' device='disk'><source file='/img/ro.img'/><target dev='vdb'/><readonly/></disk>\n"
      "<disk type='file' device='disk'><source file='/img/shared.img'/><target dev='sda' bus='scsi'/><shareable/></disk>\n"
      "<disk type='file' device='cdrom'><target dev='sdb' bus='sata'/></disk>\n"
      "<disk type='file' device='floppy'><source file='/img/fd.img'/><target dev='fdb'/></disk>\n",
      NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = build_ok (xml, &ctx);

  assert_pair (argv, "-drive", "file=/img/root.qcow2,format=qcow2,if=none,id=drive-vda");
  assert_pair (argv, "-device", "virtio-blk-pci,drive=drive-vda,id=vda,serial=S1");
  assert_pair (argv, "-drive", "file=/dev/sr0,format=raw,if=none,id=drive-hdc,media=cdrom,readonly=on");
  assert_pair (argv, "-device", "ide-cd,bus=ide.1,unit=0,drive=drive-hdc,id=hdc");
  assert_pair (argv, "-drive", "file=/img/ro.img,format=raw,if=none,id=drive-vdb,readonly=on");
  assert_pair (argv, "-device", "virtio-blk-pci,drive=drive-vdb,id=vdb");
  assert_pair (argv, "-device", "virtio-scsi-pci,id=scsi0");
  assert_pair (argv, "-drive", "file=/img/shared.img,format=raw,if=none,id=drive-sda,cache=none,file.locking=off");
  assert_pair (argv, "-device", "scsi-hd,bus=scsi0.0,scsi-id=0,lun=0,drive=drive-sda,id=sda,share-rw=on");
  assert_pair (argv, "-device", "ahci,id=sata0");
  assert_pair (argv, "-drive", "if=none,id=drive-sdb,media=cdrom,readonly=on");
  assert_pair (argv, "-device", "ide-cd,bus=sata0.1,drive=drive-sdb,id=sdb");
  assert_pair (argv, "-drive", "file=/img/fd.img,format=raw,if=floppy,index=1");
}

static void
test_floppy_q35 (void)
{
  const char *xml =
    "<domain type='qemu'><name>gt</name><memory unit='KiB'>131072</memory>"
    "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices>"
    "<disk type='file' device='floppy'><source file='/img/a.img'/><target dev='fda'/></disk>"
    "<disk type='file' device='floppy'><source file='/img/b.img'/><target dev='fdb'/></disk>"
    "</devices></domain>";
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = build_ok (xml, &ctx);

  assert_pair (argv, "-device", "isa-fdc,id=fdc0");
  assert_pair (argv, "-device", "floppy,unit=0,drive=drive-fda,id=fda");
  assert_pair (argv, "-device", "floppy,unit=1,drive=drive-fdb,id=fdb");
  g_assert_cmpuint (count_opt (argv, "-device"), ==, 4);   /* + the balloon */
}

static void
test_disk_errors (void)
{
  static const struct { const char *devices; gint code; const char *needle; } cases[] = {
    { "<disk type='file'><driver name='qemu' type='iso'/><source file='/x.iso'/><target dev='hda'/></disk>",
      GVIRT_ERROR_UNSUPPORTED, "iso" },
    { "<disk type='file' device='cdrom'><source file='/x.iso'/><target dev='vda' bus='virtio'/></disk>",
      GVIRT_ERROR_UNSUPPORTED, "vda" },
    { "<disk type='file'><target dev='vda' bus='virtio'/></disk>", GVIRT_ERROR_INVALID_ARGUMENT, "source" },
    { "<disk type='network'><source protocol='nbd' name='x'/><target dev='vda'/></disk>", GVIRT_ERROR_UNSUPPORTED, "vda" },
    { "<disk type='file'><source file='/x.img'/><target dev='hde'/></disk>", GVIRT_ERROR_INVALID_ARGUMENT, "hde" },
    { "<disk type='file'><source file='/x.img'/><target dev='hda' bus='usb'/></disk>", GVIRT_ERROR_UNSUPPORTED, "usb" },
    { "<disk type='file'><source file='/x.img'/><target dev='hda' bus='ide'/>"
      "<address type='pci' domain='0' bus='0' slot='5' function='0'/></disk>", GVIRT_ERROR_UNSUPPORTED, "pci" },
    { "<disk type='file'><source file='/x.img'/><target dev='hdb'/><readonly/></disk>",
      GVIRT_ERROR_UNSUPPORTED, "read-only" },
    { "<disk type='file'><driver name='tap'/><source file='/x.img'/><target dev='hda'/></disk>",
      GVIRT_ERROR_UNSUPPORTED, "tap" },
  };
  GVirtQemuCommandContext ctx = fake_ctx ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = domain_xml ("qemu", NULL, cases[i].devices, NULL);
      build_fails (xml, &ctx, cases[i].code, cases[i].needle);
    }

  /* A missing image is named, unless file checks are off. */
  {
    g_autofree char *xml = domain_xml ("qemu", NULL,
        "<disk type='file'><source file='/nonexistent/disk.img'/><target dev='vda'/></disk>", NULL);

    ctx.skip_file_checks = FALSE;
    ctx.emulator = "/bin/sh";
    build_fails (xml, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "/nonexistent/disk.img");
  }
}

static void
test_interfaces (void)
{
  g_autofree char *xml = domain_xml ("qemu", NULL,
      "<interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/></interface>\n"
      "<interface type='network'><source network='default'/><mac address='52:54:00:00:00:02'/></interface>\n"
      "<interface type='bridge'><source bridge='br0'/><mac address='52:54:00:00:00:03'/><model type='e1000'/></interface>\n"
      "<interface type='ethernet'><script path='/etc/qemu-ifup'/><target dev='tap7'/><mac address='52:54:00:00:00:04'/></interface>\n"
      "<interface type='mcast'><source address='230.0.0.1' port='5558'/><mac address='52:54:00:00:00:05'/></interface>\n"
      "<interface type='server'><source address='192.168.0.1' port='5559'/><mac address='52:54:00:00:00:06'/></interface>\n"
      "<interface type='client'><source address='192.168.0.1' port='5559'/><mac address='52:54:00:00:00:07'/></interface>\n"
      "<interface type='user'/>\n",
      NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_autoptr(GHashTable) bridges = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) again = NULL;

  g_hash_table_insert (bridges, (gpointer) "default", (gpointer) "virbr0");
  ctx.network_bridges = bridges;
  argv = build_ok (xml, &ctx);
  assert_pair (argv, "-netdev", "user,id=hostnet0");
  assert_pair (argv, "-device", "virtio-net-pci,netdev=hostnet0,id=net0,mac=52:54:00:00:00:01");
  assert_pair (argv, "-netdev", "bridge,br=virbr0,id=hostnet1");
  assert_pair (argv, "-device", "rtl8139,netdev=hostnet1,id=net1,mac=52:54:00:00:00:02");
  assert_pair (argv, "-netdev", "bridge,br=br0,id=hostnet2");
  assert_pair (argv, "-device", "e1000,netdev=hostnet2,id=net2,mac=52:54:00:00:00:03");
  assert_pair (argv, "-netdev", "tap,ifname=tap7,script=/etc/qemu-ifup,downscript=no,id=hostnet3");
  assert_pair (argv, "-netdev", "socket,mcast=230.0.0.1:5558,id=hostnet4");
  assert_pair (argv, "-netdev", "socket,listen=192.168.0.1:5559,id=hostnet5");
  assert_pair (argv, "-netdev", "socket,connect=192.168.0.1:5559,id=hostnet6");
  /* no <mac>: a stable one from the UUID */
  again = build_ok (xml, &ctx);
  for (guint i = 0; argv[i] != NULL; i++)
    if (g_str_has_prefix (argv[i], "rtl8139,netdev=hostnet7"))
      {
        g_assert_nonnull (strstr (argv[i], "mac=52:54:00:"));
        g_assert_cmpstr (argv[i], ==, again[i]);
      }
}

static void
test_interface_errors (void)
{
  static const struct { const char *devices; gint code; const char *needle; } cases[] = {
    { "<interface type='user'><mac address='01:00:00:00:00:01'/></interface>", GVIRT_ERROR_INVALID_ARGUMENT, "01:00" },
    { "<interface type='user'><mac address='zz'/></interface>", GVIRT_ERROR_INVALID_ARGUMENT, "zz" },
    { "<interface type='network'><source network='nope'/></interface>", GVIRT_ERROR_UNSUPPORTED, "nope" },
    { "<interface type='bridge'/>", GVIRT_ERROR_INVALID_ARGUMENT, "bridge" },
    { "<interface type='mcast'><source port='5558'/></interface>", GVIRT_ERROR_INVALID_ARGUMENT, "address" },
    { "<interface type='direct'><source dev='eth0' mode='vepa'/></interface>", GVIRT_ERROR_UNSUPPORTED, "direct" },
    { "<interface type='user'><model type='e1000,x=y'/></interface>", GVIRT_ERROR_INVALID_ARGUMENT, "model" },
  };
  GVirtQemuCommandContext ctx = fake_ctx ();

  ctx.skip_file_checks = FALSE;
  ctx.emulator = "/bin/sh";
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = domain_xml ("qemu", NULL, cases[i].devices, NULL);
      build_fails (xml, &ctx, cases[i].code, cases[i].needle);
    }
  {
    g_autofree char *xml = domain_xml ("qemu", NULL,
        "<interface type='ethernet'><script path='/nonexistent/ifup'/></interface>", NULL);
    build_fails (xml, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "/nonexistent/ifup");
  }
  {
    /* with networks, an inactive one; without (today's backend), the missing feature */
    g_autofree char *xml = domain_xml ("qemu", NULL,
        "<interface type='network'><source network='default'/></interface>", NULL);
    g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);

    build_fails (xml, &ctx, GVIRT_ERROR_UNSUPPORTED, "does not run virtual networks");
    ctx.network_bridges = none;
    build_fails (xml, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "not active");
  }
}

static void
test_graphics (void)
{
  g_autofree char *autoport = domain_xml ("qemu", NULL, "<graphics type='vnc' autoport='yes'/>", NULL);
  g_autofree char *fixed = domain_xml ("qemu", NULL,
      "<graphics type='vnc' port='5903' autoport='no' listen='0.0.0.0' passwd='x' keymap='de'/>"
      "<video><model type='cirrus'/></video>", NULL);
  g_autofree char *sdl = domain_xml ("qemu", NULL, "<graphics type='sdl' fullscreen='yes'/>", NULL);
  g_autofree char *spice = domain_xml ("qemu", NULL, "<graphics type='spice'/>", NULL);
  g_autofree char *two = domain_xml ("qemu", NULL, "<graphics type='vnc' port='5901'/><graphics type='vnc' port='5902'/>", NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_autofree char *saved_display = g_strdup (g_getenv ("DISPLAY"));

  ctx.skip_file_checks = FALSE;
  ctx.emulator = "/bin/sh";
  build_fails (autoport, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "VNC");
  ctx.vnc_port = 5907;
  {
    g_auto(GStrv) argv = build_ok (autoport, &ctx);
    assert_pair (argv, "-vnc", "127.0.0.1:7");
    assert_pair (argv, "-device", "VGA,id=video0");
    g_assert_false (has_pair (argv, "-display", "none"));
  }
  {
    g_auto(GStrv) argv = build_ok (fixed, &ctx);
    assert_pair (argv, "-vnc", "0.0.0.0:3,password=on");
    assert_pair (argv, "-k", "de");
    assert_pair (argv, "-device", "cirrus-vga,id=video0");
  }
  g_unsetenv ("DISPLAY");
  build_fails (sdl, &ctx, GVIRT_ERROR_UNSUPPORTED, "DISPLAY");
  g_setenv ("DISPLAY", ":7", TRUE);
  {
    g_auto(GStrv) argv = build_ok (sdl, &ctx);
    assert_pair (argv, "-display", "sdl");
    g_assert_true (has_arg (argv, "-full-screen"));
  }
  if (saved_display != NULL)
    g_setenv ("DISPLAY", saved_display, TRUE);
  else
    g_unsetenv ("DISPLAY");
  build_fails (spice, &ctx, GVIRT_ERROR_UNSUPPORTED, "VNC");
  build_fails (two, &ctx, GVIRT_ERROR_UNSUPPORTED, "graphics");
}

static void
test_serial_console (void)
{
  g_autofree char *both = domain_xml ("qemu", NULL,
      "<serial type='pty'><target port='0'/></serial><console type='pty'><target type='serial' port='0'/></console>", NULL);
  g_autofree char *console_only = domain_xml ("qemu", NULL, "<console type='pty'/>", NULL);
  g_autofree char *virtio = domain_xml ("qemu", NULL,
      "<serial type='file'><source path='/tmp/s.log'/></serial><console type='pty'><target type='virtio'/></console>", NULL);
  g_autofree char *bad = domain_xml ("qemu", NULL,
      "<serial type='pty'><target type='system-serial'><model name='pl011'/></target></serial>", NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) a = build_ok (both, &ctx);
  g_auto(GStrv) b = build_ok (console_only, &ctx);
  g_auto(GStrv) c = build_ok (virtio, &ctx);

  assert_pair (a, "-chardev", "pty,id=charserial0");
  assert_pair (a, "-serial", "chardev:charserial0");
  g_assert_cmpuint (count_opt (a, "-serial"), ==, 1);
  g_assert_cmpuint (count_opt (a, "-chardev"), ==, 1);
  assert_pair (b, "-chardev", "pty,id=charconsole0");
  assert_pair (b, "-serial", "chardev:charconsole0");
  assert_pair (c, "-chardev", "file,id=charserial0,path=/tmp/s.log");
  assert_pair (c, "-device", "virtio-serial-pci,id=virtio-serial0");
  assert_pair (c, "-device", "virtconsole,chardev=charconsole0,id=console0");
  build_fails (bad, &ctx, GVIRT_ERROR_UNSUPPORTED, "pl011");
}

static void
test_balloon_and_pci (void)
{
  g_autofree char *none = domain_xml ("qemu", NULL, "<memballoon model='none'/>", NULL);
  g_autofree char *clash = domain_xml ("qemu", NULL,
      "<memballoon model='virtio'><address type='pci' domain='0' bus='0' slot='1' function='1'/></memballoon>", NULL);
  const char *isapc =
    "<domain type='qemu'><name>gt</name><memory unit='KiB'>131072</memory>"
    "<os><type arch='x86_64' machine='isapc'>hvm</type></os>"
    "<devices><controller type='usb' index='0'/></devices></domain>";
  const char *companion =
    "<domain type='qemu'><name>gt</name><memory unit='KiB'>131072</memory>"
    "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
    "<devices><controller type='usb' index='0' model='ich9-uhci2'/></devices></domain>";
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = build_ok (none, &ctx);

  for (guint i = 0; argv[i] != NULL; i++)
    g_assert_null (strstr (argv[i], "balloon"));
  build_fails (clash, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "0000:00:01.1");
  build_fails (isapc, &ctx, GVIRT_ERROR_UNSUPPORTED, "PCI");
  build_fails (companion, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "ich9-uhci2");
}

/* ---- issue 12: every element of a rich domain becomes an argument or is refused ---- */

/* A domain with one of each element the builder turns into arguments: each
 * element's arguments, as libvirt writes them for QEMU 7.2. */
static void
test_rich_domain (void)
{
  const char *extra =
    "  <title>Rich</title><description>every element</description>\n"
    "  <metadata><app xmlns='urn:example'/></metadata>\n"
    "  <cpu mode='custom'><model>qemu64</model><topology sockets='1' cores='2' threads='1'/>"
    "<feature policy='require' name='sse4.2'/><feature policy='disable' name='svm'/></cpu>\n"
    "  <clock offset='utc'><timer name='rtc' tickpolicy='catchup' track='guest'/>"
    "<timer name='pit' tickpolicy='delay'/><timer name='hpet' present='no'/></clock>\n"
    "  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>\n";
  const char *devices =
    "    <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap' detect_zeroes='unmap'/>"
    "<source file='/var/lib/a.qcow2'/><target dev='vda' bus='virtio'/></disk>\n"
    "    <disk type='file' device='disk'><driver name='qemu' type='raw' cache='writeback' io='threads' discard='ignore'/>"
    "<source file='/var/lib/b.img'/><target dev='sda' bus='scsi'/></disk>\n"
    "    <controller type='pci' index='0' model='pci-root'/>\n"
    "    <controller type='ide' index='0'/>\n"
    "    <controller type='scsi' index='0' model='virtio-scsi'><driver queues='4'/></controller>\n"
    "    <controller type='virtio-serial' index='0'/>\n"
    "    <controller type='sata' index='0'/>\n"
    "    <controller type='usb' index='0' model='qemu-xhci'/>\n"
    "    <interface type='user'><mac address='52:54:00:12:34:56'/><model type='virtio'/></interface>\n"
    "    <serial type='pty'><target port='0'/></serial>\n"
    "    <console type='pty'><target type='serial' port='0'/></console>\n"
    "    <channel type='unix'><source mode='bind' path='/run/gt/agent.sock'/>"
    "<target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n"
    "    <channel type='unix'><target type='virtio' name='org.example.second'/></channel>\n"
    "    <input type='tablet' bus='usb'/>\n"
    "    <input type='mouse' bus='ps2'/><input type='keyboard' bus='ps2'/>\n"
    "    <graphics type='vnc' port='5901' autoport='no' listen='127.0.0.1'/>\n"
    "    <video><model type='virtio'/></video>\n"
    "    <audio id='1' type='none'/>\n"
    "    <rng model='virtio'><rate bytes='1024' period='2000'/><backend model='random'>/dev/random</backend></rng>\n"
    "    <memballoon model='virtio' autodeflate='on' freePageReporting='on'/>\n";
  g_autofree char *xml = domain_xml ("kvm", NULL, devices, extra);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainConfig) config = parse (xml);

  ctx.kvm_available = TRUE;
  ctx.runtime_dir = "/run/gvirt";
  g_assert_true (gvirt_qemu_command_check (config, &error));   /* what define checks */
  g_assert_no_error (error);
  argv = build_ok (xml, &ctx);
  /* <cpu> */
  assert_pair (argv, "-smp", "2,sockets=1,cores=2,threads=1");
  assert_pair (argv, "-cpu", "qemu64,sse4.2=on,svm=off");
  /* <clock> and its timers */
  assert_pair (argv, "-machine", "pc,accel=kvm,hpet=off");
  assert_pair (argv, "-rtc", "base=utc,clock=vm,driftfix=slew");
  assert_pair (argv, "-global", "kvm-pit.lost_tick_policy=delay");
  /* <disk><driver cache= io= discard= detect_zeroes=> */
  assert_pair (argv, "-drive", "file=/var/lib/a.qcow2,format=qcow2,if=none,id=drive-vda,cache=none,aio=native,discard=unmap,detect-zeroes=unmap");
  assert_pair (argv, "-drive", "file=/var/lib/b.img,format=raw,if=none,id=drive-sda,cache=writeback,aio=threads,discard=ignore");
  /* controllers */
  assert_pair (argv, "-device", "virtio-scsi-pci,id=scsi0,num_queues=4");
  g_assert_cmpuint (count_opt (argv, "-device"), >, 0);
  assert_pair (argv, "-device", "virtio-serial-pci,id=virtio-serial0");
  assert_pair (argv, "-device", "ahci,id=sata0");
  assert_pair (argv, "-device", "qemu-xhci,id=usb");
  /* channels: the agent on the controller, a second one with its socket in the runtime directory */
  assert_pair (argv, "-chardev", "socket,id=charchannel0,path=/run/gt/agent.sock,server=on,wait=off");
  assert_pair (argv, "-device", "virtserialport,bus=virtio-serial0.0,nr=1,chardev=charchannel0,id=channel0,name=org.qemu.guest_agent.0");
  assert_pair (argv, "-chardev", "socket,id=charchannel1,path=/run/gvirt/@e294affa6863e16fbecdff7cffbaf123.channel1,server=on,wait=off");
  assert_pair (argv, "-device", "virtserialport,bus=virtio-serial0.0,nr=2,chardev=charchannel1,id=channel1,name=org.example.second");
  /* <rng>, <audio>, <memballoon> */
  assert_pair (argv, "-object", "rng-random,id=objrng0,filename=/dev/random");
  assert_pair (argv, "-device", "virtio-rng-pci,rng=objrng0,id=rng0,max-bytes=1024,period=2000");
  assert_pair (argv, "-audiodev", "none,id=audio1");
  assert_pair (argv, "-device", "virtio-balloon-pci,id=balloon0,deflate-on-oom=on,free-page-reporting=on");
  /* the rest, as before */
  assert_pair (argv, "-device", "virtio-net-pci,netdev=hostnet0,id=net0,mac=52:54:00:12:34:56");
  assert_pair (argv, "-serial", "chardev:charserial0");
  assert_pair (argv, "-vnc", "127.0.0.1:1");
  assert_pair (argv, "-device", "virtio-vga,id=video0");
  assert_pair (argv, "-device", "usb-tablet,bus=usb.0");
  assert_pair (argv, "-action", "reboot=reset,shutdown=poweroff,panic=shutdown");
  g_assert_cmpuint (count_opt (argv, "-cpu"), ==, 1);
}

/* One virtio-serial bus, made implicitly for a channel, shared with a virtio console. */
static void
test_channel_implicit_controller (void)
{
  g_autofree char *xml = domain_xml ("qemu", NULL,
      "<channel type='pty'><target type='virtio' name='org.example.pty'/></channel>\n"
      "<console type='pty'><target type='virtio' port='0'/></console>\n", NULL);
  g_autofree char *no_dir = domain_xml ("qemu", NULL,
      "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n", NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = build_ok (xml, &ctx);
  guint n = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    n += g_str_has_prefix (argv[i], "virtio-serial-pci");
  g_assert_cmpuint (n, ==, 1);
  assert_pair (argv, "-device", "virtio-serial-pci,id=virtio-serial0");
  assert_pair (argv, "-chardev", "pty,id=charchannel0");
  assert_pair (argv, "-device", "virtserialport,bus=virtio-serial0.0,nr=1,chardev=charchannel0,id=channel0,name=org.example.pty");
  assert_pair (argv, "-device", "virtconsole,chardev=charconsole0,id=console0");
  /* two virtio consoles take ports 0 and 1: the channel is on port 2 */
  {
    g_autofree char *two = domain_xml ("qemu", NULL,
        "<channel type='pty'><target type='virtio' name='org.example.pty'/></channel>\n"
        "<console type='pty'><target type='virtio' port='0'/></console>\n"
        "<console type='pty'><target type='virtio' port='1'/></console>\n", NULL);
    g_auto(GStrv) argv2 = build_ok (two, &ctx);

    assert_pair (argv2, "-device", "virtserialport,bus=virtio-serial0.0,nr=2,chardev=charchannel0,id=channel0,name=org.example.pty");
  }
  /* a unix channel with no path needs the runtime directory */
  build_fails (no_dir, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "runtime directory");
}

static void
test_disk_driver (void)
{
  static const struct { const char *driver; gint code; const char *needle; } bad[] = {
    { "<driver name='qemu' io='native'/>", GVIRT_ERROR_UNSUPPORTED, "io='native'" },
    { "<driver name='qemu' cache='writeback' io='native'/>", GVIRT_ERROR_UNSUPPORTED, "cache='none'" },
    { "<driver name='qemu' cache='fast'/>", GVIRT_ERROR_UNSUPPORTED, "cache='fast'" },
    { "<driver name='qemu' io='posix'/>", GVIRT_ERROR_UNSUPPORTED, "io='posix'" },
    { "<driver name='qemu' discard='trim'/>", GVIRT_ERROR_UNSUPPORTED, "discard='trim'" },
    { "<driver name='qemu' detect_zeroes='unmap'/>", GVIRT_ERROR_UNSUPPORTED, "discard='unmap'" },
    { "<driver name='qemu' error_policy='stop'/>", GVIRT_ERROR_UNSUPPORTED, "error_policy='stop'" },
  };
  GVirtQemuCommandContext ctx = fake_ctx ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *disk = g_strdup_printf ("<disk type='file'>%s<source file='/a.img'/><target dev='vda' bus='virtio'/></disk>",
                                               bad[i].driver);
      g_autofree char *xml = domain_xml ("qemu", NULL, disk, NULL);

      build_fails (xml, &ctx, bad[i].code, bad[i].needle);
    }
  {
    g_autofree char *xml = domain_xml ("qemu", NULL,
        "<disk type='file'><driver name='qemu' cache='directsync' io='io_uring'/><source file='/a.img'/>"
        "<target dev='vda' bus='virtio'/><shareable/></disk>", NULL);
    g_auto(GStrv) argv = build_ok (xml, &ctx);

    assert_pair (argv, "-drive", "file=/a.img,format=raw,if=none,id=drive-vda,cache=directsync,aio=io_uring,file.locking=off");
  }
}

/* Elements the builder has no arguments for: refused by define (the check)
 * and by start (the builder), naming the element. */
static void
test_unsupported_elements (void)
{
  static const struct { const char *where, *xml, *needle; } cases[] = {
    { "devices", "<sound model='ich9'/>", "<sound model='ich9'>" },
    { "devices", "<filesystem type='mount'><source dir='/x'/><target dir='x'/></filesystem>", "<filesystem type='mount'>" },
    { "devices", "<hostdev mode='subsystem' type='usb'/>", "<hostdev type='usb'>" },
    { "devices", "<watchdog model='i6300esb'/>", "<watchdog model='i6300esb'>" },
    { "devices", "<tpm model='tpm-tis'/>", "<tpm model='tpm-tis'>" },
    { "devices", "<panic model='isa'/>", "<panic model='isa'>" },
    { "devices", "<smartcard mode='host'/>", "<smartcard mode='host'>" },
    { "devices", "<redirdev bus='usb' type='spicevmc'/>", "<redirdev type='spicevmc'>" },
    { "devices", "<parallel type='pty'><target port='0'/></parallel>", "<parallel type='pty'>" },
    { "devices", "<vsock model='virtio'><cid auto='yes'/></vsock>", "<vsock model='virtio'>" },
    { "devices", "<rng model='virtio'><backend model='egd' type='tcp'/></rng>", "<rng><backend model='egd'>" },
    { "devices", "<channel type='spicevmc'><target type='guestfwd' address='10.0.2.1' port='4600'/></channel>", "<channel><target type='guestfwd'>" },
    { "devices", "<controller type='ccid' index='0'/>", "<controller type='ccid'>" },
    { "devices", "<controller type='pci' index='1' model='pci-bridge'/>", "model='pci-bridge'" },
    { "devices", "<input type='tablet' bus='virtio'/>", "bus='virtio'" },
    { "devices", "<audio id='1' type='pulseaudio'/>", "<audio type='pulseaudio'>" },
    { "devices", "<memballoon model='virtio'><stats period='10'/></memballoon>", "<memballoon><stats>" },
    { "devices", "<disk type='file'><source file='/a.img'/><target dev='vda' bus='virtio'/><iotune><total_bytes_sec>1</total_bytes_sec></iotune></disk>", "<disk><iotune>" },
    { "devices", "<disk type='file'><source file='/a.img'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>", "<disk><boot>" },
    { "devices", "<interface type='user'><bandwidth><inbound average='1000'/></bandwidth></interface>", "<interface><bandwidth>" },
    { "devices", "<video><driver name='vhostuser'/><model type='virtio'/></video>", "<video><driver name='vhostuser'>" },
    { "devices", "<serial type='pty'><log file='/tmp/log'/><target port='0'/></serial>", "<serial><log>" },
    { "domain", "<memoryBacking><hugepages/></memoryBacking>", "<memoryBacking>" },
    { "domain", "<cputune><vcpupin vcpu='0' cpuset='0'/></cputune>", "<cputune>" },
    { "domain", "<numatune><memory nodeset='0'/></numatune>", "<numatune>" },
    { "domain", "<sysinfo type='smbios'/>", "<sysinfo type='smbios'>" },
    { "domain", "<pm><suspend-to-mem enabled='no'/></pm>", "<pm>" },
    { "domain", "<seclabel type='dynamic' model='selinux'/>", "<seclabel model='selinux'>" },
    { "domain", "<iothreads>2</iothreads>", "<iothreads>" },
    { "os", "<bootmenu enable='yes'/>", "<os><bootmenu enable='yes'>" },
    { "os", "<smbios mode='host'/>", "<os><smbios mode='host'>" },
    { "os", "<nvram>/var/lib/nvram.fd</nvram>", "<os><nvram>" },
  };
  GVirtQemuCommandContext ctx = fake_ctx ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_str_equal (cases[i].where, "devices") ? domain_xml ("qemu", NULL, cases[i].xml, NULL) :
                             g_str_equal (cases[i].where, "os") ? domain_xml ("qemu", cases[i].xml, NULL, NULL) :
                             domain_xml ("qemu", NULL, NULL, cases[i].xml);
      g_autoptr(GVirtDomainConfig) config = parse (xml);
      g_autoptr(GError) error = NULL;

      build_fails (xml, &ctx, GVIRT_ERROR_UNSUPPORTED, cases[i].needle);
      g_assert_false (gvirt_qemu_command_check (config, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
  /* firmware autoselection is not done */
  {
    g_autofree char *base = domain_xml ("qemu", NULL, NULL, NULL);
    g_autoptr(GString) xml = g_string_new (base);

    g_string_replace (xml, "<os>", "<os firmware='efi'>", 1);
    build_fails (xml->str, &ctx, GVIRT_ERROR_UNSUPPORTED, "firmware='efi'");
  }
  /* and what is accepted without an argument of its own */
  {
    g_autofree char *xml = domain_xml ("qemu", "<bootmenu enable='no'/>",
        "<controller type='fdc' index='0'/><controller type='pci' index='0' model='pci-root'><target hotplug='off'/></controller>",
        "<seclabel type='none'/><features><pae/><apic/></features>");
    g_auto(GStrv) argv = build_ok (xml, &ctx);

    assert_pair (argv, "-global", "PIIX4_PM.acpi-root-pci-hotplug=off");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qemu/command/disks", test_disks);
  g_test_add_func ("/qemu/command/floppy-q35", test_floppy_q35);
  g_test_add_func ("/qemu/command/disk-errors", test_disk_errors);
  g_test_add_func ("/qemu/command/interfaces", test_interfaces);
  g_test_add_func ("/qemu/command/interface-errors", test_interface_errors);
  g_test_add_func ("/qemu/command/graphics", test_graphics);
  g_test_add_func ("/qemu/command/serial-console", test_serial_console);
  g_test_add_func ("/qemu/command/balloon-and-pci", test_balloon_and_pci);
  g_test_add_func ("/qemu/command/rich-domain", test_rich_domain);
  g_test_add_func ("/qemu/command/channel-implicit-controller", test_channel_implicit_controller);
  g_test_add_func ("/qemu/command/disk-driver", test_disk_driver);
  g_test_add_func ("/qemu/command/unsupported-elements", test_unsupported_elements);

  return g_test_run ();
}
