/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainRecord: what a backend reports of one domain's identity and state. */
#include "config.h"

#include "gvirt-domain-record.h"

G_DEFINE_BOXED_TYPE (GVirtDomainRecord, gvirt_domain_record, gvirt_domain_record_copy, gvirt_domain_record_free)

/**
 * gvirt_domain_record_new:
 * @uuid: the canonical UUID
 * @name: the name
 *
 * Creates the record of a shut-off, persistent domain without autostart,
 * whose state has no known reason, for a backend to fill in.
 *
 * Returns: (transfer full): a record of an inactive, persistent domain
 */
GVirtDomainRecord *
gvirt_domain_record_new (const char *uuid,
                         const char *name)
{
  GVirtDomainRecord *record = g_new0 (GVirtDomainRecord, 1);

  record->uuid = g_strdup (uuid);
  record->name = g_strdup (name);
  record->id = -1;
  record->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  record->persistent = TRUE;
  record->state_reason = GVIRT_DOMAIN_STATE_REASON_UNKNOWN;
  return record;
}

/**
 * gvirt_domain_record_copy:
 * @record: a #GVirtDomainRecord
 *
 * Copies @record and its strings.
 *
 * Returns: (transfer full): a copy of @record
 */
GVirtDomainRecord *
gvirt_domain_record_copy (const GVirtDomainRecord *record)
{
  GVirtDomainRecord *copy = g_memdup2 (record, sizeof *record);

  copy->uuid = g_strdup (record->uuid);
  copy->name = g_strdup (record->name);
  return copy;
}

/**
 * gvirt_domain_record_free:
 * @record: (nullable): a #GVirtDomainRecord
 *
 * Frees @record.
 */
void
gvirt_domain_record_free (GVirtDomainRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->name);
  g_free (record);
}
