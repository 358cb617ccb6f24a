/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Timing helpers shared by the benchmarks: medians of repeated batches. */
#pragma once

#include <glib.h>

typedef void (*BenchFunc) (gpointer data);

/* Runs @func @iterations times per batch, @batches times, and returns the
 * median time of one call in microseconds. */
double bench_median_us (BenchFunc func,
                        gpointer  data,
                        guint     iterations,
                        guint     batches);

/* The realistic 1.3 KB domain: 2 disks, a NIC, VNC, a console, acpi/apic.
 * @index makes name, UUID and MAC unique. */
char *bench_domain_xml (guint index);

/* The median of @n samples (sorted in place). */
double bench_median (double *samples,
                     guint   n);

/* Peak resident set size of this process in KiB (VmHWM, else getrusage). */
double bench_peak_rss_kib (void);

/* Records the current peak RSS; bench_rss_growth_kib() is the growth since. */
void   bench_rss_mark       (void);
double bench_rss_growth_kib (void);
