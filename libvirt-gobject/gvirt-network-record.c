/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetworkRecord: what a backend reports of one network's identity and state. */
#include "config.h"

#include "gvirt-network-record.h"

G_DEFINE_BOXED_TYPE (GVirtNetworkRecord, gvirt_network_record, gvirt_network_record_copy, gvirt_network_record_free)

/**
 * gvirt_network_record_new:
 * @uuid: the canonical UUID
 * @name: the name
 *
 * Creates the record of an inactive, persistent network without a bridge or
 * autostart, for a backend to fill in.
 *
 * Returns: (transfer full): a record of an inactive, persistent network
 */
GVirtNetworkRecord *
gvirt_network_record_new (const char *uuid,
                         const char *name)
{
  GVirtNetworkRecord *record = g_new0 (GVirtNetworkRecord, 1);

  record->uuid = g_strdup (uuid);
  record->name = g_strdup (name);
  record->persistent = TRUE;
  return record;
}

/**
 * gvirt_network_record_copy:
 * @record: a #GVirtNetworkRecord
 *
 * Copies @record and its strings.
 *
 * Returns: (transfer full): a copy of @record
 */
GVirtNetworkRecord *
gvirt_network_record_copy (const GVirtNetworkRecord *record)
{
  GVirtNetworkRecord *copy = g_memdup2 (record, sizeof *record);

  copy->uuid = g_strdup (record->uuid);
  copy->name = g_strdup (record->name);
  copy->bridge = g_strdup (record->bridge);
  return copy;
}

/**
 * gvirt_network_record_free:
 * @record: (nullable): a #GVirtNetworkRecord
 *
 * Frees @record.
 */
void
gvirt_network_record_free (GVirtNetworkRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->name);
  g_free (record->bridge);
  g_free (record);
}
