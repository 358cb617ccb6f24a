/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Unit tests of the QEMU argv builder on hand-written domains: basics, machine, CPU, memory, boot and lifecycle. */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include <libvirt-gobject/libvirt-gobject.h>
#include "libvirt-gobject/config/gvirt-config.h"
#include "libvirt-gobject/backends/qemu/gvirt-qemu-command-private.h"
#include "qemu-command-test-util.h"

/* ---- hand-written domains ---- */

static void
test_basic (void)
{
  g_autofree char *xml = domain_xml ("qemu", NULL, NULL, NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = NULL;

  ctx.qmp_fd = 3;
  ctx.runtime_dir = "/run/gvirt";
  ctx.start_paused = TRUE;
  ctx.incoming_defer = TRUE;
  argv = build_ok (xml, &ctx);
  g_assert_cmpstr (argv[0], ==, "/usr/bin/qemu-system-x86_64");
  assert_pair (argv, "-name", "guest=gt,debug-threads=on");
  assert_pair (argv, "-uuid", "c7a5fdbd-edaf-9455-926a-d65c16db1809");
  g_assert_true (has_arg (argv, "-nodefaults"));
  g_assert_true (has_arg (argv, "-no-user-config"));
  assert_pair (argv, "-machine", "pc,accel=tcg");
  assert_pair (argv, "-m", "size=128M");
  assert_pair (argv, "-smp", "2");
  assert_pair (argv, "-display", "none");
  assert_pair (argv, "-device", "virtio-balloon-pci,id=balloon0");
  assert_pair (argv, "-chardev", "socket,id=qmp,fd=3,server=on,wait=off");
  assert_pair (argv, "-mon", "chardev=qmp,mode=control");
  assert_pair (argv, "-pidfile", "/run/gvirt/gt.pid");
  assert_pair (argv, "-incoming", "defer");
  assert_pair (argv, "-action", "reboot=reset,shutdown=poweroff,panic=shutdown");
  g_assert_true (has_arg (argv, "-S"));
  g_assert_cmpuint (count_opt (argv, "-serial"), ==, 0);
}

static void
test_qmp_path_and_escaping (void)
{
  g_autofree char *xml = domain_xml ("qemu", NULL,
      "<disk type='file'><source file='/tmp/a,b.img'/><target dev='vda' bus='virtio'/></disk>\n", NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = NULL;

  ctx.qmp_socket_path = "/run/x,y/qmp.sock";
  argv = build_ok (xml, &ctx);
  assert_pair (argv, "-chardev", "socket,id=qmp,path=/run/x,,y/qmp.sock,server=on,wait=off");
  assert_pair (argv, "-drive", "file=/tmp/a,,b.img,format=raw,if=none,id=drive-vda");
  assert_pair (argv, "-device", "virtio-blk-pci,drive=drive-vda,id=vda");
}

static void
test_memory_cpus (void)
{
  const char *xml =
    "<domain type='qemu'><name>gt</name>"
    "<maxMemory slots='16' unit='KiB'>1048576</maxMemory>"
    "<memory unit='KiB'>219100</memory><currentMemory unit='KiB'>100000</currentMemory>"
    "<vcpu current='2'>4</vcpu>"
    "<os><type arch='x86_64' machine='q35'>hvm</type></os>"
    "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices></domain>";
  const char *no_slots =
    "<domain type='qemu'><name>gt</name><maxMemory unit='KiB'>1048576</maxMemory>"
    "<memory unit='KiB'>131072</memory><os><type>hvm</type></os></domain>";
  const char *too_many =
    "<domain type='qemu'><name>gt</name><memory unit='KiB'>131072</memory>"
    "<vcpu current='3'>2</vcpu><os><type>hvm</type></os></domain>";
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = build_ok (xml, &ctx);

  assert_pair (argv, "-m", "size=214M,slots=16,maxmem=1024M");
  assert_pair (argv, "-smp", "2,maxcpus=4");
  /* no <acpi/>: libvirt's meaning, ACPI off */
  assert_pair (argv, "-machine", "q35,accel=tcg,acpi=off");
  build_fails (no_slots, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "slots");
  build_fails (too_many, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "vcpu");
}

static void
test_accel (void)
{
  g_autofree char *kvm = domain_xml ("kvm", NULL, NULL, NULL);
  g_autofree char *xen = domain_xml ("xen", NULL, NULL, NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = NULL;

  build_fails (kvm, &ctx, GVIRT_ERROR_UNSUPPORTED, "KVM");
  build_fails (xen, &ctx, GVIRT_ERROR_UNSUPPORTED, "xen");
  ctx.kvm_available = TRUE;
  argv = build_ok (kvm, &ctx);
  assert_pair (argv, "-machine", "pc,accel=kvm");
}

static void
test_arch_and_emulator (void)
{
  const char *ppc =
    "<domain type='qemu'><name>gt</name><memory unit='KiB'>131072</memory>"
    "<os><type arch='ppc64' machine='pseries'>hvm</type></os></domain>";
  GVirtQemuCommandContext ctx = fake_ctx ();

  build_fails (ppc, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "ppc64");
  ctx.emulator = NULL;
  ctx.skip_file_checks = FALSE;
  {
    g_autofree char *xml = domain_xml ("qemu", NULL, NULL, NULL);
    g_autofree char *bad = g_strdup (xml);
    char *p = strstr (bad, "/usr/bin/qemu-system-x86_64");

    memcpy (p, "/nonexistent/qemu-system", strlen ("/nonexistent/qemu-system"));
    build_fails (bad, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "/nonexistent/qemu-system");
  }
}

static void
test_kernel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gvirt-qemu-XXXXXX", NULL);
  g_autofree char *kernel = g_build_filename (dir, "vmlinuz", NULL);
  g_autofree char *initrd = g_build_filename (dir, "initramfs.gz", NULL);
  g_autofree char *os = g_strdup_printf ("<kernel>%s</kernel><initrd>%s</initrd>"
                                         "<cmdline>console=ttyS0 quiet panic=-1</cmdline>", kernel, initrd);
  g_autofree char *xml = domain_xml ("qemu", os, NULL, NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = NULL;

  ctx.skip_file_checks = FALSE;
  ctx.emulator = "/bin/sh";   /* exists and is executable; the arch is then the XML's */
  g_assert_true (g_file_set_contents (kernel, "k", 1, NULL));
  build_fails (xml, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, initrd);
  g_assert_true (g_file_set_contents (initrd, "i", 1, NULL));
  argv = build_ok (xml, &ctx);
  assert_pair (argv, "-kernel", kernel);
  assert_pair (argv, "-initrd", initrd);
  assert_pair (argv, "-append", "console=ttyS0 quiet panic=-1");
  g_assert_cmpuint (count_opt (argv, "-boot"), ==, 0);
  g_unlink (kernel);
  build_fails (xml, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, kernel);
  g_unlink (initrd);
  g_rmdir (dir);
}

static void
test_boot_order (void)
{
  g_autofree char *xml = domain_xml ("qemu", "<boot dev='cdrom'/><boot dev='hd'/><boot dev='network'/>", NULL, NULL);
  g_autofree char *bad = domain_xml ("qemu", "<boot dev='usb'/>", NULL, NULL);
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) argv = build_ok (xml, &ctx);

  assert_pair (argv, "-boot", "order=dcn");
  build_fails (bad, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "usb");
}

static void
test_lifecycle (void)
{
  static const struct { const char *extra; const char *action; } cases[] = {
    { "<on_poweroff>destroy</on_poweroff><on_reboot>destroy</on_reboot><on_crash>destroy</on_crash>",
      "reboot=shutdown,shutdown=poweroff,panic=shutdown" },
    { "<on_poweroff>preserve</on_poweroff><on_reboot>restart</on_reboot><on_crash>preserve</on_crash>",
      "reboot=reset,shutdown=pause,panic=pause" },
    { "<on_poweroff>restart</on_poweroff><on_reboot>preserve</on_reboot><on_crash>restart</on_crash>",
      "reboot=shutdown,shutdown=pause,panic=none" },
    { "<on_crash>coredump-destroy</on_crash>", "reboot=reset,shutdown=poweroff,panic=pause" },
  };
  GVirtQemuCommandContext ctx = fake_ctx ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = domain_xml ("qemu", NULL, NULL, cases[i].extra);
      g_auto(GStrv) argv = build_ok (xml, &ctx);

      assert_pair (argv, "-action", cases[i].action);
    }
  {
    g_autofree char *xml = domain_xml ("qemu", NULL, NULL, "<on_reboot>coredump-restart</on_reboot>");
    build_fails (xml, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "coredump");
  }
}

static void
test_cpu_modes (void)
{
  g_autofree char *passthrough_tcg = domain_xml ("qemu", NULL, NULL, "<cpu mode='host-passthrough'/>");
  g_autofree char *passthrough_kvm = domain_xml ("kvm", NULL, NULL, "<cpu mode='host-passthrough'/>");
  g_autofree char *model_tcg = domain_xml ("qemu", NULL, NULL, "<cpu mode='host-model'/>");
  g_autofree char *model_kvm = domain_xml ("kvm", NULL, NULL, "<cpu mode='host-model'/>");
  g_autofree char *maximum = domain_xml ("qemu", NULL, NULL, "<cpu mode='maximum'><feature policy='forbid' name='x2apic'/></cpu>");
  g_autofree char *optional = domain_xml ("qemu", NULL, NULL, "<cpu><model>qemu64</model><feature policy='optional' name='x2apic'/></cpu>");
  g_autofree char *bad_topology = domain_xml ("qemu", NULL, NULL, "<cpu><topology sockets='2' cores='2' threads='1'/></cpu>");
  g_autofree char *numa = domain_xml ("qemu", NULL, NULL, "<cpu><numa><cell id='0' cpus='0-1' memory='131072'/></numa></cpu>");
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) a = NULL, b = NULL, c = NULL, d = NULL;

  ctx.kvm_available = TRUE;
  build_fails (passthrough_tcg, &ctx, GVIRT_ERROR_UNSUPPORTED, "host-passthrough");
  a = build_ok (passthrough_kvm, &ctx);
  assert_pair (a, "-cpu", "host");
  b = build_ok (model_tcg, &ctx);
  assert_pair (b, "-cpu", "max");
  c = build_ok (model_kvm, &ctx);
  assert_pair (c, "-cpu", "host");
  d = build_ok (maximum, &ctx);
  assert_pair (d, "-cpu", "max,x2apic=off");
  build_fails (optional, &ctx, GVIRT_ERROR_UNSUPPORTED, "optional");
  build_fails (bad_topology, &ctx, GVIRT_ERROR_INVALID_ARGUMENT, "topology");
  build_fails (numa, &ctx, GVIRT_ERROR_UNSUPPORTED, "<cpu><numa>");
}

static void
test_timers (void)
{
  g_autofree char *pit_tcg = domain_xml ("qemu", NULL, NULL, "<clock offset='localtime'><timer name='pit' tickpolicy='delay'/></clock>");
  g_autofree char *pit_catchup_tcg = domain_xml ("qemu", NULL, NULL, "<clock offset='utc'><timer name='pit' tickpolicy='catchup'/></clock>");
  g_autofree char *pit_discard_kvm = domain_xml ("kvm", NULL, NULL, "<clock offset='utc'><timer name='pit' tickpolicy='discard'/></clock>");
  g_autofree char *rtc_absent = domain_xml ("qemu", NULL, NULL, "<clock offset='utc'><timer name='rtc' present='no'/></clock>");
  g_autofree char *rtc_only = domain_xml ("qemu", NULL, NULL, "<clock><timer name='rtc' track='wall'/></clock>");
  g_autofree char *hpet_yes = domain_xml ("qemu", NULL, NULL, "<clock offset='utc'><timer name='hpet' present='yes'/></clock>");
  g_autofree char *kvmclock = domain_xml ("qemu", NULL, NULL, "<clock offset='utc'><timer name='kvmclock' present='no'/></clock>");
  g_autofree char *variable = domain_xml ("qemu", NULL, NULL, "<clock offset='variable' adjustment='3600'/>");
  GVirtQemuCommandContext ctx = fake_ctx ();
  g_auto(GStrv) a = NULL, b = NULL, c = NULL, d = NULL;

  ctx.kvm_available = TRUE;
  a = build_ok (pit_tcg, &ctx);   /* TCG's PIT has no lost-tick policy: delay is what it does */
  assert_pair (a, "-rtc", "base=localtime");
  g_assert_cmpuint (count_opt (a, "-global"), ==, 0);
  build_fails (pit_catchup_tcg, &ctx, GVIRT_ERROR_UNSUPPORTED, "without KVM");
  b = build_ok (pit_discard_kvm, &ctx);
  assert_pair (b, "-global", "kvm-pit.lost_tick_policy=discard");
  build_fails (rtc_absent, &ctx, GVIRT_ERROR_UNSUPPORTED, "<timer name='rtc' present='no'>");
  c = build_ok (rtc_only, &ctx);
  assert_pair (c, "-rtc", "base=utc,clock=host");
  d = build_ok (hpet_yes, &ctx);
  assert_pair (d, "-machine", "pc,accel=tcg");
  build_fails (kvmclock, &ctx, GVIRT_ERROR_UNSUPPORTED, "<timer name='kvmclock' present='no'>");
  build_fails (variable, &ctx, GVIRT_ERROR_UNSUPPORTED, "offset='variable'");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qemu/command/basic", test_basic);
  g_test_add_func ("/qemu/command/qmp-path-and-escaping", test_qmp_path_and_escaping);
  g_test_add_func ("/qemu/command/memory-cpus", test_memory_cpus);
  g_test_add_func ("/qemu/command/accel", test_accel);
  g_test_add_func ("/qemu/command/arch-and-emulator", test_arch_and_emulator);
  g_test_add_func ("/qemu/command/kernel", test_kernel);
  g_test_add_func ("/qemu/command/boot-order", test_boot_order);
  g_test_add_func ("/qemu/command/lifecycle", test_lifecycle);
  g_test_add_func ("/qemu/command/cpu-modes", test_cpu_modes);
  g_test_add_func ("/qemu/command/timers", test_timers);

  return g_test_run ();
}
