/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Timing helpers shared by the benchmarks: medians of repeated batches. */
#include "bench-util.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median_us (BenchFunc func,
                 gpointer  data,
                 guint     iterations,
                 guint     batches)
{
  g_autofree double *samples = g_new (double, batches);

  func (data);  /* warm caches and lazy type registration */
  for (guint b = 0; b < batches; b++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < iterations; i++)
        func (data);
      samples[b] = (double) (g_get_monotonic_time () - start) / iterations;
    }
  return bench_median (samples, batches);
}

double
bench_median (double *samples,
              guint   n)
{
  if (n == 0)
    return 0;
  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

double
bench_peak_rss_kib (void)
{
  FILE *status = fopen ("/proc/self/status", "r");
  char line[256];
  double kib = -1;
  struct rusage usage;

  if (status != NULL)
    {
      while (fgets (line, sizeof line, status) != NULL)
        if (strncmp (line, "VmHWM:", 6) == 0)
          {
            kib = g_ascii_strtod (line + 6, NULL);
            break;
          }
      fclose (status);
    }
  if (kib < 0 && getrusage (RUSAGE_SELF, &usage) == 0)
    kib = usage.ru_maxrss;
  return kib;
}

static double rss_mark;

void
bench_rss_mark (void)
{
  rss_mark = bench_peak_rss_kib ();
}

double
bench_rss_growth_kib (void)
{
  return bench_peak_rss_kib () - rss_mark;
}

char *
bench_domain_xml (guint index)
{
  return g_strdup_printf (
    "<domain type='kvm'>\n"
    "  <name>bench-%u</name>\n"
    "  <uuid>%08x-1c2d-4e5f-8a9b-0c1d2e3f4a5b</uuid>\n"
    "  <memory unit='KiB'>1048576</memory>\n"
    "  <currentMemory unit='KiB'>1048576</currentMemory>\n"
    "  <vcpu placement='static'>2</vcpu>\n"
    "  <os>\n"
    "    <type arch='x86_64' machine='pc'>hvm</type>\n"
    "    <boot dev='hd'/>\n"
    "  </os>\n"
    "  <features>\n"
    "    <acpi/>\n"
    "    <apic/>\n"
    "  </features>\n"
    "  <clock offset='utc'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>restart</on_reboot>\n"
    "  <on_crash>destroy</on_crash>\n"
    "  <devices>\n"
    "    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
    "    <disk type='file' device='disk'>\n"
    "      <driver name='qemu' type='qcow2'/>\n"
    "      <source file='/var/lib/gvirt/images/bench-%u.qcow2'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "    </disk>\n"
    "    <disk type='file' device='cdrom'>\n"
    "      <driver name='qemu' type='raw'/>\n"
    "      <source file='/var/lib/gvirt/images/install.iso'/>\n"
    "      <target dev='hdc' bus='ide'/>\n"
    "      <readonly/>\n"
    "    </disk>\n"
    "    <interface type='network'>\n"
    "      <mac address='52:54:00:%02x:%02x:%02x'/>\n"
    "      <source network='default'/>\n"
    "      <model type='virtio'/>\n"
    "    </interface>\n"
    "    <serial type='pty'>\n"
    "      <target port='0'/>\n"
    "    </serial>\n"
    "    <console type='pty'>\n"
    "      <target type='serial' port='0'/>\n"
    "    </console>\n"
    "    <input type='tablet' bus='usb'/>\n"
    "    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>\n"
    "    <video>\n"
    "      <model type='vga' vram='16384' heads='1'/>\n"
    "    </video>\n"
    "  </devices>\n"
    "</domain>\n",
    index, index, index,
    (index >> 16) & 0xff, (index >> 8) & 0xff, index & 0xff);
}
