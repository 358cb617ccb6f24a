/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the GVirtDomainConfig tests. */
#pragma once

#include <libvirt-gobject/config/gvirt-config.h>

/* A fully virtualized Xen-style guest (type test): two disks, an interface,
 * graphics, a console and a watchdog. */
extern const char fv0_xml[];

/* Parses @xml, failing the test on any error. */
GVirtDomainConfig *parse_ok (const char *xml);
